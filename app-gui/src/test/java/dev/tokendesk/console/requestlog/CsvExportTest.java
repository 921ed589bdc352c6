package dev.tokendesk.console.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.console.display.StatusClass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void plainValueStaysUnquoted() {
        assertThat(CsvExport.field("alice")).isEqualTo("alice");
    }

    @Test
    void commaQuoteAndNewlineAreQuoted() {
        assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void formulaStartGetsApostrophe() {
        assertThat(CsvExport.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvExport.field("+1")).isEqualTo("'+1");
        assertThat(CsvExport.field("@sum")).isEqualTo("'@sum");
        assertThat(CsvExport.field("-")).isEqualTo("-");
    }

    @Test
    void lineHasEveryColumnInHeaderOrder() {
        RequestRow row = new RequestRow(Instant.parse("2026-01-02T03:04:05Z"), "ignored", "POST", "/api/x?q=1", 201,
                StatusClass.SUCCESS, "alice", "ci", "127.0.0.1", "1.5");

        String line = CsvExport.line(row);

        assertThat(line).isEqualTo("2026-01-02T03:04:05Z,POST,201,alice,ci,127.0.0.1,1.5,/api/x?q=1");
    }
}
