package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filter and sort cases that users of similar systems reported: the token reaching the filters,
 * client mistakes that caused a 500, invalid filters silently dropped and empty {@code $in} lists.
 */
class FilterCasesTest {

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<Integer> ids(TestServer.Response response) {
        List<Integer> ids = new ArrayList<>();
        response.json().get("data").forEach(entry -> ids.add(entry.get("id").asInt()));
        return ids;
    }

    private static List<String> names(TestServer.Response response) {
        List<String> names = new ArrayList<>();
        response.json().get("data").forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    @Test
    void tokenNeverReachesFilters() {
        TestServer.Response all = api.get("/api/restaurants?token=" + fixture.tokenA);
        TestServer.Response filtered = api.get("/api/restaurants?token=" + fixture.tokenA + "&filters[name][$eq]=Chez%20Marie");
        TestServer.Response paged = api.get("/api/restaurants?token=" + fixture.tokenA + "&pagination[pageSize]=2");

        assertThat(all.status()).isEqualTo(200);
        assertThat(ids(all)).containsExactly(1, 2, 3, 4, 5);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(ids(filtered)).containsExactly(1);
        assertThat(paged.status()).isEqualTo(200);
        assertThat(ids(paged)).hasSize(2);
        assertThat(paged.json().at("/meta/pagination/total").asInt()).isEqualTo(5);
    }

    @Test
    void unknownSortFieldIs400NamingIt() {
        TestServer.Response response = api.get("/api/restaurants?sort=doesntExist");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("doesntExist");
    }

    @Test
    void badSortDirectionIs400NamingIt() {
        TestServer.Response response = api.get("/api/restaurants?sort=name:asc$");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("asc$");
    }

    @Test
    void sortDirectionIgnoresCase() {
        TestServer.Response response = api.get("/api/restaurants?sort=name:ASC");

        assertThat(response.status()).isEqualTo(200);
        assertThat(names(response)).containsExactly("A B Diner", "A+B Diner", "Café Noir", "Chez Marie", "Le Bistro");
    }

    @Test
    void commaSeparatedSortOrdersByEachKey() {
        TestServer.Response byName = api.get("/api/restaurants?sort=name:desc,seats:asc");
        TestServer.Response bySeats = api.get("/api/restaurants?sort=seats:desc,name:desc");

        assertThat(byName.status()).isEqualTo(200);
        assertThat(names(byName)).containsExactly("Le Bistro", "Chez Marie", "Café Noir", "A+B Diner", "A B Diner");
        assertThat(ids(bySeats)).containsExactly(1, 5, 4, 3, 2);
    }

    @Test
    void unknownOperatorIs400NamingIt() {
        TestServer.Response response = api.get("/api/restaurants?filters[name][$like]=Chez");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("$like");
        assertThat(response.json().at("/error/details/errors/0/path/0").asText()).isEqualTo("filters[name][$like]");
    }

    @Test
    void operatorNestedInOperatorIs400() {
        TestServer.Response response = api.get("/api/restaurants?filters[name][$eq][$eq]=x");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("$eq");
    }

    @Test
    void bareValueMeansEq() {
        TestServer.Response response = api.get("/api/restaurants?filters[name]=Chez%20Marie");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response)).containsExactly(1);
    }

    @Test
    void privateFieldFilterIs400() {
        TestServer.Response response = api.get("/api/restaurants?filters[secretNote][$eq]=x");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("secretNote");
        assertThat(response.body()).doesNotContain("private");
    }

    @Test
    void unknownFieldFilterIs400() {
        TestServer.Response response = api.get("/api/restaurants?filters[nosuchfield][$eq]=x");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("nosuchfield");
    }

    @Test
    void unknownTopLevelParameterIs400() {
        TestServer.Response response = api.get("/api/restaurants?name=Chez%20Marie");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("'name'");
    }

    @Test
    void emptyEqMatchesOnlyEmptyNames() {
        TestServer.Response response = api.get("/api/restaurants?filters[name][$eq]=");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response)).isEmpty();
        assertThat(response.json().at("/meta/pagination/total").asInt()).isZero();
    }

    @Test
    void emptyInMatchesNothing() {
        TestServer.Response response = api.get("/api/restaurants?filters[id][$in]=");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response)).isEmpty();
        assertThat(response.json().at("/meta/pagination/total").asInt()).isZero();
    }

    @Test
    void emptyNotInMatchesEverything() {
        TestServer.Response response = api.get("/api/restaurants?filters[id][$notIn]=");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void invalidValueForNumberIs400NamingParameter() {
        TestServer.Response response = api.get("/api/restaurants?filters[seats][$gt]=many");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("filters[seats][$gt]").contains("many");
    }

    @Test
    void textOperatorOnNumberIs400() {
        TestServer.Response response = api.get("/api/restaurants?filters[seats][$contains]=2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("$contains");
    }

    @Test
    void filterOnOwnerFieldsIsForbidden() {
        TestServer.Response response = api.get("/api/restaurants?filters[owner][username][$eq]=alice");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().at("/error/message").asText()).contains("plugin::users-permissions.user");
    }

    @Test
    void everyOperatorSelectsTheExpectedRows() {
        String[][] cases = {
            {"filters[name][$eq]=Le%20Bistro", "2"},
            {"filters[name][$eqi]=le%20bistro", "2"},
            {"filters[name][$ne]=Le%20Bistro", "1,3,4,5"},
            {"filters[name][$nei]=LE%20BISTRO", "1,3,4,5"},
            {"filters[seats][$lt]=20", "2"},
            {"filters[seats][$lte]=20", "2,3,4"},
            {"filters[seats][$gt]=20", "1,5"},
            {"filters[seats][$gte]=30", "1,5"},
            {"filters[id][$in][0]=2&filters[id][$in][1]=4", "2,4"},
            {"filters[id][$in]=2&filters[id][$in]=4", "2,4"},
            {"filters[id][$notIn][0]=2&filters[id][$notIn][1]=4", "1,3,5"},
            {"filters[name][$contains]=Diner", "3,4"},
            {"filters[name][$contains]=diner", ""},
            {"filters[name][$notContains]=Diner", "1,2,5"},
            {"filters[name][$containsi]=DINER", "3,4"},
            {"filters[name][$notContainsi]=DINER", "1,2,5"},
            {"filters[name][$contains]=%2B", "4"},
            {"filters[name][$contains]=%25", ""},
            {"filters[name][$contains]=_", ""},
            {"filters[secretNote][$null]=true", null},
            {"filters[owner][$null]=true", "1,2,3,4,5"},
            {"filters[owner][$notNull]=true", ""},
            {"filters[seats][$null]=true", ""},
            {"filters[seats][$notNull]=true", "1,2,3,4,5"},
            {"filters[seats][$between][0]=15&filters[seats][$between][1]=30", "3,4,5"},
            {"filters[name][$startsWith]=A", "3,4"},
            {"filters[name][$startsWithi]=a%20b", "3"},
            {"filters[name][$endsWith]=Noir", "5"},
            {"filters[name][$endsWithi]=NOIR", "5"},
            {"filters[$or][0][seats][$eq]=12&filters[$or][1][name][$eq]=Chez%20Marie", "1,2"},
            {"filters[$and][0][seats][$eq]=20&filters[$and][1][name][$startsWith]=A%2B", "4"},
            {"filters[$not][seats][$eq]=20", "1,2,5"},
            {"filters[seats][$not][$eq]=20", "1,2,5"},
            {"filters[$not][$or][0][seats][$eq]=20&filters[$not][$or][1][seats][$eq]=12", "1,5"},
            {"filters[documentId][$null]=true", ""},
            {"filters[createdAt][$lte]=2999-01-01T00:00:00Z", "1,2,3,4,5"},
            {"filters[publishedAt][$notNull]=true", "1,2,3,4,5"},
        };

        for (String[] testCase : cases) {
            TestServer.Response response = api.get("/api/restaurants?" + testCase[0]);

            if (testCase[1] == null) {
                assertThat(response.status()).as(testCase[0] + " -> " + response).isEqualTo(400);
                continue;
            }
            assertThat(response.status()).as(testCase[0] + " -> " + response).isEqualTo(200);
            String actual = String.join(",", ids(response).stream().map(String::valueOf).toList());
            assertThat(actual).as(testCase[0]).isEqualTo(testCase[1]);
        }
    }

    @Test
    void percentEncodedBracketsMatchRawBrackets() {
        TestServer.Response raw = api.get("/api/restaurants?filters[name][$eq]=A%2BB%20Diner");
        TestServer.Response encoded = api.get("/api/restaurants?filters%5Bname%5D%5B%24eq%5D=A%2BB%20Diner");

        assertThat(ids(raw)).containsExactly(4);
        assertThat(ids(encoded)).containsExactly(4);
    }

    @Test
    void queryLimitsAre400() {
        String deep = "filters" + "[$not]".repeat(21) + "[name]=x";
        StringBuilder many = new StringBuilder("filters[id][$in][0]=1");
        for (int i = 1; i <= 100; i++) {
            many.append("&filters[id][$in][").append(i).append("]=").append(i);
        }
        // Short parameters, so 1001 of them stay within the URL length limit of 8 KiB.
        StringBuilder parameters = new StringBuilder("x");
        for (int i = 0; i < 1000; i++) {
            parameters.append("&x");
        }

        for (String query : List.of(deep, many.toString(), parameters.toString(), "filters[id][$in][500]=1")) {
            TestServer.Response response = api.get("/api/restaurants?" + query);

            assertThat(response.status()).as(query.substring(0, Math.min(40, query.length()))).isEqualTo(400);
            JsonNode error = response.json().get("error");
            assertThat(error.get("name").asText()).isEqualTo("ValidationError");
        }
    }

    @Test
    void malformedParameterNameIs400() {
        TestServer.Response response = api.get("/api/restaurants?filters[name=x");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("filters[name");
    }
}
