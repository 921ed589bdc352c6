package dev.tokendesk.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the 250 real, untidy world-countries entries and reads every value back. */
class CountriesRoundTripTest {

    /**
     * Reads the input independently of the service: decimals keep their written digits and
     * integers stay integers, so comparing the JSON text of two values distinguishes 180 from 180.0.
     */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private TokenDesk desk;
    private ContentService content;
    private Path countriesFile;
    private JsonNode input;

    @BeforeEach
    void importCountries() throws IOException {
        desk = TestDesks.open(dataDir, new MutableClock(TestDesks.START));
        content = desk.content();
        Path countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, work.resolve("countries"));
        countriesFile = countries.resolve("countries.json");
        input = EXACT.readTree(countriesFile.toFile());
        content.importSchemas(countries);
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void importsAllCountries() {
        int stored = content.importEntries("country", countriesFile, false);

        assertThat(input.size()).isEqualTo(250);
        assertThat(stored).isEqualTo(250);
        assertThat(content.list("api::country.country", 1, 1).total()).isEqualTo(250);
    }

    @Test
    void listReturnsEveryFieldExactly() {
        content.importEntries("countries", countriesFile, false);

        List<ObjectNode> listed = new ArrayList<>();
        EntryPage first = content.list("api::country.country", 1, 100);
        listed.addAll(first.entries());
        listed.addAll(content.list("api::country.country", 2, 100).entries());
        EntryPage last = content.list("api::country.country", 3, 100);
        listed.addAll(last.entries());

        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.entries()).hasSize(100);
        assertThat(last.entries()).hasSize(50);
        assertThat(listed).extracting(entry -> entry.get("id").asLong()).isSorted();
        assertSameAsInput(listed);
    }

    @Test
    void findReturnsEveryFieldExactly() {
        content.importEntries("country", countriesFile, false);
        List<ObjectNode> found = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            for (ObjectNode entry : content.list("api::country.country", page, 100).entries()) {
                found.add(content.find("api::country.country", entry.get("documentId").asText()).orElseThrow());
            }
        }

        assertSameAsInput(found);
    }

    @Test
    void keepsHardValuesExactly() {
        content.importEntries("country", countriesFile, false);

        Map<String, ObjectNode> byCode = byCca3(content.list("api::country.country", 1, 100).entries());
        byCode.putAll(byCca3(content.list("api::country.country", 2, 100).entries()));
        byCode.putAll(byCca3(content.list("api::country.country", 3, 100).entries()));

        assertThat(byCode.get("ABW").get("flag").asText()).isEqualTo("\uD83C\uDDE6\uD83C\uDDFC");
        assertThat(byCode.get("ABW").get("area").toString()).isEqualTo("180");
        assertThat(byCode.get("ABW").get("area").isIntegralNumber()).isTrue();
        assertThat(byCode.get("VAT").get("area").toString()).isEqualTo("0.44");
        assertThat(byCode.get("ATA").get("currencies").isArray()).isTrue();
        assertThat(byCode.get("ATA").get("currencies").isEmpty()).isTrue();
        assertThat(byCode.get("UNK").get("independent").isNull()).isTrue();
        assertThat(byCode.get("ABW").get("latlng").toString()).isEqualTo("[12.5,-69.96666666]");
    }

    @Test
    void entriesHaveStrapiShape() {
        content.importEntries("country", countriesFile, false);

        ObjectNode aruba = content.list("api::country.country", 1, 1).entries().get(0);
        List<String> fields = new ArrayList<>();
        aruba.fieldNames().forEachRemaining(fields::add);

        assertThat(fields).containsExactly("id", "documentId", "name", "cca2", "cca3", "ccn3", "cioc", "independent",
                "status", "unMember", "currencies", "idd", "capital", "altSpellings", "region", "subregion", "languages",
                "translations", "latlng", "demonyms", "landlocked", "borders", "area", "flag", "callingCodes", "tld",
                "createdAt", "updatedAt", "publishedAt");
        assertThat(aruba.get("documentId").asText()).matches("[a-z0-9]{24}");
        assertThat(aruba.get("createdAt").asText()).isEqualTo("2026-06-01T10:00:00.000Z");
        assertThat(aruba.get("updatedAt").asText()).isEqualTo("2026-06-01T10:00:00.000Z");
        assertThat(aruba.get("publishedAt").asText()).isEqualTo("2026-06-01T10:00:00.000Z");
    }

    private void assertSameAsInput(List<ObjectNode> entries) {
        Map<String, ObjectNode> byCode = byCca3(entries);
        assertThat(byCode).hasSize(250);
        for (JsonNode expected : input) {
            ObjectNode actual = byCode.get(expected.get("cca3").asText());
            for (String field : (Iterable<String>) expected::fieldNames) {
                assertThat(json(actual.get(field)))
                        .as("%s of %s", field, expected.get("cca3").asText())
                        .isEqualTo(json(expected.get(field)));
            }
        }
    }

    private static Map<String, ObjectNode> byCca3(List<ObjectNode> entries) {
        Map<String, ObjectNode> byCode = new HashMap<>();
        entries.forEach(entry -> byCode.put(entry.get("cca3").asText(), entry));
        return byCode;
    }

    private static String json(JsonNode node) {
        try {
            return EXACT.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
