package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world-countries data set through the HTTP API: every value of every entry comes back as imported. */
class CountriesApiTest {

    private static final String COUNTRY = "api::country.country";

    @TempDir
    Path dataDir;

    @TempDir
    Path fixtureDir;

    @Test
    void everyCountryRoundTripsThroughApi() throws IOException {
        Path countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, fixtureDir);
        JsonNode expected = Json.MAPPER.readTree(countries.resolve("countries.json").toFile());
        try (TestServer api = new TestServer(dataDir)) {
            api.desk.content().importSchemas(countries);
            int imported = api.desk.content().importEntries("country", countries.resolve("countries.json"), false);
            api.desk.roles().grant("Authenticated", Set.of(new Permission(COUNTRY, Action.FIND), new Permission(COUNTRY, Action.FIND_ONE)));
            long userId = api.desk.users().create(new NewUser("tester", "tester@example.com", "Tester-Pass-1", null)).id();
            String token = api.desk.tokens().issue(TokenRequest.of(userId, "countries", TokenScope.READ_ONLY, Expiry.NEVER)).token();

            List<JsonNode> served = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                TestServer.Response response = api.get("/api/countries?token=" + token + "&pagination[page]=" + page + "&pagination[pageSize]=100");
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                assertThat(response.json().at("/meta/pagination/total").asInt()).isEqualTo(250);
                assertThat(response.json().at("/meta/pagination/pageCount").asInt()).isEqualTo(3);
                response.json().get("data").forEach(served::add);
            }
            TestServer.Response one = api.get("/api/countries/" + served.get(249).get("documentId").asText(), "Authorization", "Bearer " + token);

            assertThat(imported).isEqualTo(250);
            assertThat(served).hasSize(250);
            for (int i = 0; i < 250; i++) {
                assertSameFields(expected.get(i), served.get(i), "country " + i);
            }
            assertThat(one.status()).isEqualTo(200);
            assertSameFields(expected.get(249), one.json().get("data"), "findOne of country 249");
        }
    }

    /** Compares every input field by its JSON text, so 180 and 180.0 or a changed emoji count as different. */
    private static void assertSameFields(JsonNode input, JsonNode output, String label) {
        Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(output.has(field.getKey())).as(label + " has " + field.getKey()).isTrue();
            assertThat(output.get(field.getKey()).toString()).as(label + "." + field.getKey()).isEqualTo(field.getValue().toString());
        }
    }
}
