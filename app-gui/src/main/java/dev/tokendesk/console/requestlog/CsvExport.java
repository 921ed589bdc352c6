package dev.tokendesk.console.requestlog;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes request log rows as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas,
 * quotes or line breaks in double quotes). Rows contain only redacted paths, so the file contains no
 * token value. Stateless and thread-safe.
 */
final class CsvExport {

    static final String HEADER = "time,method,status,user,token,client_ip,duration_ms,path";

    private CsvExport() {
    }

    /**
     * Writes {@code rows} to {@code file} in UTF-8, replacing it.
     *
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, List<RequestRow> rows) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            writer.write("\r\n");
            for (RequestRow row : rows) {
                writer.write(line(row));
                writer.write("\r\n");
            }
        }
    }

    /** Returns one row as a CSV line without the line end. */
    static String line(RequestRow row) {
        return String.join(",", field(row.instant().toString()), field(row.method()), field(row.statusText()),
                field(row.caller()), field(row.tokenName()), field(row.clientIp()), field(row.duration()), field(row.target()));
    }

    /**
     * Quotes {@code value} when it needs it. A value that a spreadsheet would run as a formula
     * (starting with =, @, tab or carriage return, or with + or - and more after it) gets a leading
     * apostrophe, because user and token names come from admins and paths from any caller.
     */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (looksLikeFormula(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return (first == '+' || first == '-') && text.length() > 1;
    }
}
