package dev.tokendesk.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.EntryList;
import dev.tokendesk.content.query.EntryQuery;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.content.query.Operator;
import dev.tokendesk.content.query.Selection;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.content.query.Status;
import dev.tokendesk.content.query.ValueColumn;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that filtering, sorting and paging run in SQL: a page loads only its own entries, whatever the table size. */
class QueryPagingTest {

    private static final String ITEM = "api::item.item";
    private static final int ENTRIES = 10_000;
    /**
     * The page of ids and the load of those entries. The parsed schema and the unfiltered count
     * come from the content cache once a first query has read them; a filtered count adds one.
     */
    private static final long STATEMENTS_PER_PAGE = 2;

    @TempDir
    static Path dataDir;

    private static TokenDesk desk;

    @BeforeAll
    static void importEntries() throws IOException {
        desk = TestDesks.openQuiet(dataDir.resolve("data"), java.time.Clock.systemUTC());
        Path schema = Files.createDirectories(dataDir.resolve("src/api/item/content-types/item")).resolve("schema.json");
        Files.writeString(schema, """
                {"kind": "collectionType",
                 "info": {"singularName": "item", "pluralName": "items", "displayName": "Item"},
                 "options": {"draftAndPublish": false},
                 "attributes": {"name": {"type": "string"}, "rank": {"type": "integer"}}}
                """);
        desk.content().importSchemas(dataDir.resolve("src"));
        ArrayNode entries = ContentJson.MAPPER.createArrayNode();
        for (int i = 0; i < ENTRIES; i++) {
            entries.addObject().put("name", String.format("item %05d", i)).put("rank", i % 100);
        }
        Path file = dataDir.resolve("items.json");
        Files.writeString(file, ContentJson.write(entries));
        desk.content().importEntries(ITEM, file, false);
    }

    @AfterAll
    static void close() {
        desk.close();
    }

    private EntryList run(Condition filter, List<SortOrder> sort, long offset, int limit) {
        return desk.content().query(ITEM, new EntryQuery(filter, sort, offset, limit, true, Status.PUBLISHED, Selection.all()));
    }

    private static long entriesLoaded(Statistics statistics) {
        return statistics.getEntityStatistics(ContentEntry.class.getName()).getLoadCount();
    }

    @Test
    void pageLoadsOnlyItsEntries() {
        Statistics statistics = desk.database().sessionFactory().getStatistics();
        run(null, List.of(), 20, 10);
        statistics.clear();

        EntryList page = run(null, List.of(), 20, 10);

        assertThat(page.entries()).hasSize(10);
        assertThat(page.total()).hasValue(ENTRIES);
        assertThat(page.entries().get(0).get("name").asText()).isEqualTo("item 00020");
        assertThat(entriesLoaded(statistics)).isEqualTo(10);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(STATEMENTS_PER_PAGE);
    }

    @Test
    void filteredSortedPageLoadsOnlyItsEntries() {
        Statistics statistics = desk.database().sessionFactory().getStatistics();
        statistics.clear();
        Condition rank = new Condition.Compare(Field.attribute("rank", AttributeType.INTEGER), Operator.EQ,
                List.of(ValueColumn.fromFilter(AttributeType.INTEGER, "7")));
        SortOrder byNameDescending = new SortOrder(Field.attribute("name", AttributeType.STRING), true);
        run(rank, List.of(byNameDescending), 5, 25);
        statistics.clear();

        EntryList page = run(rank, List.of(byNameDescending), 5, 25);

        assertThat(page.total()).hasValue(ENTRIES / 100);
        assertThat(page.entries()).hasSize(25);
        assertThat(page.entries().get(0).get("name").asText()).isEqualTo("item 09407");
        assertThat(entriesLoaded(statistics)).isEqualTo(25);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(STATEMENTS_PER_PAGE + 1);
    }

    @Test
    void offsetPastEndLoadsNothing() {
        Statistics statistics = desk.database().sessionFactory().getStatistics();
        run(null, List.of(), ENTRIES, 100);
        statistics.clear();

        EntryList page = run(null, List.of(), ENTRIES, 100);

        assertThat(page.entries()).isEmpty();
        assertThat(page.total()).hasValue(ENTRIES);
        assertThat(entriesLoaded(statistics)).isZero();
        assertThat(statistics.getPrepareStatementCount()).isZero();
    }
}
