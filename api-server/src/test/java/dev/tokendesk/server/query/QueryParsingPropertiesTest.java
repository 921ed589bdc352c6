package dev.tokendesk.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.security.SecretMasking;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of the query-string parsers ({@link QueryTree}, {@link ContentQueryParser} and the
 * filter, sort, paging and selection parsers behind it) over the FoodAdvisor schemas: random and
 * adversarial parameters either parse or raise a 400 or 403 {@link ApiException}, and the message
 * never repeats an API token that was in the query.
 */
class QueryParsingPropertiesTest {

    private static final String TOKEN = "tdk_5m8Wv1Kqz0R3cXyTb7nJ2pLs9dHf4gAeU6iOkMwQrYt479qDG";

    private static Path dataDir;
    private static TokenDesk desk;
    private static List<ContentTypeView> types;
    private static List<String> attributeNames;

    @BeforeContainer
    static void openDesk() throws IOException {
        dataDir = Files.createTempDirectory("query-properties");
        desk = TestDesks.open(dataDir.resolve("data"));
        desk.content().importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, dataDir.resolve("src")));
        types = desk.content().listTypes();
        attributeNames = types.stream().flatMap(type -> type.attributes().stream()).map(Attribute::name).distinct().sorted().toList();
    }

    @AfterContainer
    static void closeDesk() throws IOException {
        desk.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 3000, seed = "20261204")
    void listQueriesParseOrRaise4xx(@ForAll("queries") Map<String, Deque<String>> parameters, @ForAll("types") ContentTypeView type,
                                    @ForAll boolean mayFindTargets) {
        QueryContext context = new QueryContext(types, desk.content()::findComponent, access(mayFindTargets));

        Throwable failure = catchThrowable(() -> new ContentQueryParser(context).list(type, QueryTree.parse(parameters, QueryLimits.DEFAULT)));

        assertOnlyClientError(failure);
    }

    @Property(tries = 1000, seed = "20261205")
    void entryQueriesParseOrRaise4xx(@ForAll("queries") Map<String, Deque<String>> parameters, @ForAll("types") ContentTypeView type) {
        QueryContext context = new QueryContext(types, desk.content()::findComponent, access(true));

        Throwable failure = catchThrowable(() -> new ContentQueryParser(context).entry(type, QueryTree.parse(parameters, QueryLimits.DEFAULT)));

        assertOnlyClientError(failure);
    }

    @Property(tries = 500, seed = "20261207")
    void tokenValuesAreNeverEchoed(@ForAll("names") String name, @ForAll("tokenValues") String value, @ForAll("types") ContentTypeView type) {
        Map<String, Deque<String>> parameters = Map.of(name, new ArrayDeque<>(List.of(value)));
        QueryContext context = new QueryContext(types, desk.content()::findComponent, access(true));

        Throwable failure = catchThrowable(() -> new ContentQueryParser(context).list(type, QueryTree.parse(parameters, QueryLimits.DEFAULT)));

        assertOnlyClientError(failure);
    }

    @Property(tries = 300, seed = "20261206")
    void treeRejectsBeyondLimits(@ForAll("deepNames") String name) {
        Map<String, Deque<String>> parameters = Map.of(name, new ArrayDeque<>(List.of("1")));

        Throwable failure = catchThrowable(() -> QueryTree.parse(parameters, QueryLimits.DEFAULT));

        assertThat(failure).isInstanceOf(ApiException.class);
        assertThat(((ApiException) failure).status()).isEqualTo(400);
    }

    private static void assertOnlyClientError(Throwable failure) {
        if (failure == null) {
            return;
        }
        assertThat(failure).isInstanceOf(ApiException.class);
        ApiException error = (ApiException) failure;
        assertThat(error.status()).isIn(400, 403);
        String visible = SecretMasking.mask(error.getMessage()) + SecretMasking.maskTree(error.details());
        assertThat(visible).doesNotContain(TOKEN.substring(4, 20));
    }

    private static TargetAccess access(boolean mayFind) {
        return new TargetAccess() {
            @Override
            public void requireFind(String targetUid, String parameter) {
                if (!mayFind) {
                    throw ApiException.forbidden();
                }
            }

            @Override
            public boolean mayFind(String targetUid) {
                return mayFind;
            }
        };
    }

    @Provide
    Arbitrary<ContentTypeView> types() {
        return Arbitraries.of(types);
    }

    @Provide
    Arbitrary<Map<String, Deque<String>>> queries() {
        Arbitrary<String> name = Combinators.combine(roots(), segments().list().ofMaxSize(6))
                .as((root, path) -> root + String.join("", path));
        Arbitrary<Deque<String>> values = values().list().ofMinSize(1).ofMaxSize(3).map(ArrayDeque::new);
        return Combinators.combine(name, values).as(Map::entry).list().ofMaxSize(8).map(entries -> {
            Map<String, Deque<String>> parameters = new LinkedHashMap<>();
            entries.forEach(entry -> parameters.merge(entry.getKey(), entry.getValue(), (a, b) -> {
                a.addAll(b);
                return a;
            }));
            return parameters;
        });
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> valid = Arbitraries.of("pagination[page]", "pagination[pageSize]", "pagination[start]", "pagination[limit]",
                "pagination[withCount]", "sort", "sort[0]", "fields", "fields[0]", "populate", "populate[0]", "status", "locale",
                "filters", "filters[id][$eq]", "filters[name][$containsi]", "filters[$and][0][slug][$in][0]", "filters[createdAt][$lt]");
        Arbitrary<String> generated = Combinators.combine(roots(), segments().list().ofMaxSize(3))
                .as((root, path) -> root + String.join("", path));
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, generated));
    }

    @Provide
    Arbitrary<String> tokenValues() {
        return Arbitraries.of(TOKEN, "Bearer " + TOKEN, TOKEN + "x", " " + TOKEN, TOKEN.toUpperCase(java.util.Locale.ROOT),
                "name:" + TOKEN, TOKEN + ":desc", "a," + TOKEN);
    }

    @Provide
    Arbitrary<String> deepNames() {
        return Arbitraries.integers().between(21, 500).map(depth -> "filters" + "[$and][0]".repeat(depth / 2 + 1));
    }

    private Arbitrary<String> roots() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("filters", "sort", "pagination", "fields", "populate", "status")),
                Tuple.of(1, Arbitraries.of("locale", "token", "", "]", "filters]", "Filters", "ﬁlters", "filters\u0000")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
    }

    private Arbitrary<String> segments() {
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(attributeNames)),
                Tuple.of(6, Arbitraries.of("$eq", "$ne", "$in", "$notIn", "$lt", "$gte", "$between", "$contains", "$containsi",
                        "$startsWith", "$null", "$notNull", "$and", "$or", "$not", "$foo", "$", "id", "documentId", "createdAt")),
                Tuple.of(4, Arbitraries.of("page", "pageSize", "start", "limit", "withCount", "fields", "populate",
                        "filters", "sort", "*")),
                Tuple.of(4, Arbitraries.of("0", "1", "", "99", "100", "9999999999", "00", "-1", "1e3", "٣")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(5)));
        Arbitrary<String> bracketed = keys.map(key -> "[" + key + "]");
        Arbitrary<String> broken = Arbitraries.of("[", "]", "[[a]]", "[a", "a]", "x", "[]]", "[a][");
        return Arbitraries.frequencyOf(Tuple.of(12, bracketed), Tuple.of(1, broken));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("1", "0", "-1", "true", "false", "*", "name:desc", "name:DESC,slug", "name:up", ",", "", " ", "draft",
                        "published", "2147483648", "-2147483649", "9".repeat(400), "1e309", "NaN", "0x10", "１", "٣", "2026-13-45T99:99:99Z",
                        "\u0000", "\uD800", "a\u202Eb", "%00", "%ZZ", "\u0430dmin", TOKEN, "Bearer " + TOKEN, "x".repeat(5000)),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of(attributeNames));
    }
}
