package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries built the way front ends build them with {@code qs.stringify}, in the shapes of the
 * examples in Strapi's REST documentation, sent both with raw brackets ({@code encodeValuesOnly})
 * and fully percent-encoded.
 */
class QsConformanceTest {

    @TempDir
    Path dataDir;

    private TestServer api;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir);
        new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Sends {@code query} both ways, checks that both responses agree, and returns one of them. */
    private TestServer.Response send(Map<String, Object> query) {
        TestServer.Response raw = api.get("/api/restaurants?" + QsEncoder.encode(query, true));
        TestServer.Response encoded = api.get("/api/restaurants?" + QsEncoder.encode(query, false));
        assertThat(encoded.status()).as(query.toString()).isEqualTo(raw.status());
        assertThat(encoded.json().get("data")).as(query.toString()).isEqualTo(raw.json().get("data"));
        return raw;
    }

    private static List<String> names(TestServer.Response response) {
        List<String> names = new ArrayList<>();
        response.json().get("data").forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    @Test
    void encoderWritesQsBracketFormat() {
        Map<String, Object> query = map("filters", map("name", map("$in", List.of("A B", "C"))));

        assertThat(QsEncoder.encode(query, true)).isEqualTo("filters[name][$in][0]=A%20B&filters[name][$in][1]=C");
        assertThat(QsEncoder.encode(query, false))
                .isEqualTo("filters%5Bname%5D%5B%24in%5D%5B0%5D=A%20B&filters%5Bname%5D%5B%24in%5D%5B1%5D=C");
    }

    @Test
    void filtersWithEqAndIn() {
        TestServer.Response eq = send(map("filters", map("name", map("$eq", "A+B Diner"))));
        TestServer.Response in = send(map("filters", map("id", map("$in", List.of(3, 5)))));

        assertThat(eq.status()).isEqualTo(200);
        assertThat(names(eq)).containsExactly("A+B Diner");
        assertThat(names(in)).containsExactly("A B Diner", "Café Noir");
    }

    @Test
    void complexFilteringWithOrAndDates() {
        TestServer.Response response = send(map("filters", map(
                "$or", List.of(map("seats", map("$eq", 12)), map("name", map("$startsWith", "Caf"))),
                "createdAt", map("$gte", "2000-01-01T00:00:00.000Z"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(names(response)).containsExactly("Le Bistro", "Café Noir");
    }

    @Test
    void sortingByTwoFields() {
        TestServer.Response response = send(map("sort", List.of("seats:desc", "name:asc")));

        assertThat(names(response)).containsExactly("Chez Marie", "Café Noir", "A B Diner", "A+B Diner", "Le Bistro");
    }

    @Test
    void paginationByPage() {
        TestServer.Response response = send(map("pagination", map("page", 2, "pageSize", 2)));
        JsonNode meta = response.json().at("/meta/pagination");

        assertThat(names(response)).containsExactly("A B Diner", "A+B Diner");
        assertThat(meta.get("page").asInt()).isEqualTo(2);
        assertThat(meta.get("pageSize").asInt()).isEqualTo(2);
        assertThat(meta.get("pageCount").asInt()).isEqualTo(3);
        assertThat(meta.get("total").asInt()).isEqualTo(5);
    }

    @Test
    void paginationByOffset() {
        TestServer.Response response = send(map("pagination", map("start", 1, "limit", 3)));
        JsonNode meta = response.json().at("/meta/pagination");

        assertThat(names(response)).containsExactly("Le Bistro", "A B Diner", "A+B Diner");
        assertThat(meta.get("start").asInt()).isEqualTo(1);
        assertThat(meta.get("limit").asInt()).isEqualTo(3);
        assertThat(meta.get("total").asInt()).isEqualTo(5);
        assertThat(meta.has("page")).isFalse();
    }

    @Test
    void paginationWithoutCount() {
        TestServer.Response response = send(map("pagination", map("pageSize", 2, "withCount", false)));
        JsonNode meta = response.json().at("/meta/pagination");

        assertThat(names(response)).hasSize(2);
        assertThat(meta.has("total")).isFalse();
        assertThat(meta.has("pageCount")).isFalse();
    }

    @Test
    void mixedPagingStylesAre400() {
        TestServer.Response response = send(map("pagination", map("page", 1, "limit", 3)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("pagination[page]");
    }

    @Test
    void fieldSelection() {
        TestServer.Response response = send(map("fields", List.of("name"), "sort", List.of("id")));
        JsonNode first = response.json().at("/data/0");

        assertThat(first.get("name").asText()).isEqualTo("Chez Marie");
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.has("documentId")).isTrue();
        assertThat(first.has("seats")).isFalse();
        assertThat(first.has("createdAt")).isFalse();
    }

    @Test
    void fieldSelectionRejectsPrivateAttributes() {
        TestServer.Response response = send(map("fields", List.of("name", "secretNote")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("secretNote");
    }

    @Test
    void populateOfForbiddenRelationIs403() {
        TestServer.Response response = send(map("populate", map("owner", map("fields", List.of("username")))));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().at("/error/message").asText()).contains("populate[owner]");
    }
}
