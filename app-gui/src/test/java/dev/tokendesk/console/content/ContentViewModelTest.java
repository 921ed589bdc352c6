package dev.tokendesk.console.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.console.testing.InlineExecutor;
import dev.tokendesk.console.testing.RecordingDialogs;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentViewModelTest {

    private static final String COUNTRY = "api::country.country";

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    private TokenDesk desk;
    private RecordingDialogs dialogs;
    private ContentViewModel model;
    private Path countries;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
        dialogs = new RecordingDialogs();
        model = new ContentViewModel(desk.content(), new InlineExecutor(), dialogs);
        countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, work.resolve("world-countries"));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void schemaImportListsTypeWithAttributes() {
        importSchemas(countries);

        assertThat(model.imports().statusProperty().get()).contains("Content types: 1 created, 0 updated, 0 unchanged");
        assertThat(model.types()).extracting(TypeRow::uid).contains(COUNTRY);
        assertThat(model.selectedTypeProperty().get().uid()).isEqualTo(COUNTRY);
        assertThat(model.attributes()).extracting(AttributeRow::name).startsWith("name", "cca2", "cca3").contains("region", "area");
        assertThat(model.attributes()).filteredOn(row -> row.name().equals("cca2"))
                .singleElement().satisfies(row -> {
                    assertThat(row.type()).isEqualTo("string");
                    assertThat(row.flags()).isEqualTo("required, unique");
                });
        assertThat(model.columns()).containsExactly("id", "documentId", "cca2", "cca3", "ccn3", "cioc", "createdAt", "updatedAt");
        assertThat(model.entries()).isEmpty();
        assertThat(model.pageTextProperty().get()).isEqualTo("Page 1 of 1");
    }

    @Test
    void entryImportReportsCount() {
        importSchemas(countries);

        importEntries(countries.resolve("countries.json"));

        assertThat(model.imports().statusProperty().get()).startsWith("Imported 250 entries into " + COUNTRY);
        assertThat(model.imports().problems()).isEmpty();
        assertThat(model.totalTextProperty().get()).isEqualTo("250 entries");
    }

    @Test
    void entryImportMovesProgressToFull() {
        importSchemas(countries);
        List<Double> shown = new ArrayList<>();
        model.imports().progressProperty().addListener((property, before, after) -> shown.add(after.doubleValue()));

        importEntries(countries.resolve("countries.json"));

        assertThat(shown).hasSizeGreaterThan(50);
        assertThat(shown).isSorted();
        assertThat(shown.get(shown.size() - 1)).isEqualTo(1.0);
        assertThat(model.imports().busyProperty().get()).isFalse();
    }

    @Test
    void pagingShowsTwentyFivePerPage() throws IOException {
        importCountries();
        List<String> codes = countryCodes();

        assertThat(model.pageTextProperty().get()).isEqualTo("Page 1 of 10");
        assertThat(model.entries()).hasSize(25);
        assertThat(model.previousDisabledProperty().get()).isTrue();
        assertThat(model.entries().get(0).cell("cca2")).isEqualTo(codes.get(0));

        model.nextPage();

        assertThat(model.pageTextProperty().get()).isEqualTo("Page 2 of 10");
        assertThat(model.entries()).hasSize(25);
        assertThat(model.entries().get(0).cell("cca2")).isEqualTo(codes.get(25));
        assertThat(model.previousDisabledProperty().get()).isFalse();
    }

    @Test
    void lastPageDisablesNext() {
        importCountries();

        for (int i = 0; i < 20; i++) {
            model.nextPage();
        }

        assertThat(model.pageTextProperty().get()).isEqualTo("Page 10 of 10");
        assertThat(model.nextDisabledProperty().get()).isTrue();
        assertThat(model.entries()).hasSize(25);
    }

    @Test
    void regionFilterShowsEuropeOnly() throws IOException {
        importCountries();
        long european = countryNodes().stream().filter(country -> country.path("region").asText().toLowerCase().contains("europe")).count();

        model.filterAttributeProperty().set("region");
        model.filterTextProperty().set("europe");
        model.applyFilter();

        assertThat(model.totalTextProperty().get()).isEqualTo(european + " entries match the filter");
        assertThat(model.pageTextProperty().get()).isEqualTo("Page 1 of " + (european + 24) / 25);
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 10 && regions.size() < european; i++) {
            model.entries().forEach(entry -> regions.add(entry.cell("region")));
            model.nextPage();
        }
        assertThat(regions).hasSize((int) european).containsOnly("Europe");
    }

    @Test
    void booleanFilterUsesEquality() throws IOException {
        importCountries();
        long landlocked = countryNodes().stream().filter(country -> country.path("landlocked").asBoolean()).count();

        model.filterAttributeProperty().set("landlocked");
        model.filterTextProperty().set("true");
        model.applyFilter();

        assertThat(model.totalTextProperty().get()).isEqualTo(landlocked + " entries match the filter");
        assertThat(model.entries()).extracting(entry -> entry.cell("landlocked")).containsOnly("true");
    }

    @Test
    void invalidNumberRejectedByFilter() {
        importCountries();

        model.filterAttributeProperty().set("area");
        model.filterTextProperty().set("large");
        model.applyFilter();

        assertThat(model.filterErrorProperty().get()).isEqualTo("area must be a number, not \"large\"");
        assertThat(model.totalTextProperty().get()).isEqualTo("250 entries");
    }

    @Test
    void selectedEntryShownAsJson() {
        importCountries();

        model.selectedEntryProperty().set(model.entries().get(0));

        assertThat(model.entryJsonProperty().get()).startsWith("{\n  \"id\" : ").contains("\"cca2\" : \"AW\"");
    }

    @Test
    void badEntriesFileShowsFieldErrors() throws IOException {
        importSchemas(countries);
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, """
                [{"name": {"common": "Atlantis"}, "cca2": "AT", "cca3": "ATL", "region": "Ocean"},
                 {"cca2": "XYZ", "cca3": "XY", "region": "Nowhere", "population": 3}]
                """);

        importEntries(bad);

        assertThat(model.imports().failureProperty().get()).startsWith("No entries imported from ").endsWith("because of 4 problems.");
        assertThat(model.imports().problems()).hasSize(4);
        assertThat(model.imports().problems()).contains("Entry 2: name is required");
        assertThat(model.imports().problems()).anySatisfy(line -> assertThat(line).startsWith("Entry 2: cca2 "));
        assertThat(model.imports().problems()).anySatisfy(line -> assertThat(line).startsWith("Entry 2: cca3 "));
        assertThat(model.imports().problems()).anySatisfy(line -> assertThat(line).startsWith("Entry 2: population "));
        assertThat(model.imports().statusProperty().get()).isEmpty();
        assertThat(desk.content().list(COUNTRY, 1, 25).total()).isZero();
    }

    @Test
    void notJsonArrayShowsOneLine() throws IOException {
        importSchemas(countries);
        Path object = work.resolve("object.json");
        Files.writeString(object, "{\"cca2\": \"AT\"}");

        importEntries(object);

        assertThat(model.imports().failureProperty().get()).contains("object.json");
        assertThat(model.imports().problems()).isEmpty();
    }

    @Test
    void skipUnknownKeysDropsThem() throws IOException {
        importSchemas(countries);
        Path extra = work.resolve("extra.json");
        Files.writeString(extra, """
                [{"name": {"common": "Atlantis"}, "cca2": "AT", "cca3": "ATL", "region": "Ocean", "population": 3}]
                """);
        model.imports().skipUnknownKeysProperty().set(true);

        importEntries(extra);

        assertThat(model.imports().statusProperty().get()).startsWith("Imported 1 entry into " + COUNTRY);
        assertThat(model.entries()).singleElement().satisfies(entry -> assertThat(entry.cell("population")).isEmpty());
    }

    @Test
    void cancelledChoiceImportsNothing() {
        dialogs.replyToPathChoices(null);

        model.imports().importSchemas();

        assertThat(dialogs.pathQuestions).containsExactly("Import schemas");
        assertThat(model.types()).noneMatch(row -> row.uid().equals(COUNTRY));
        assertThat(model.imports().statusProperty().get()).isEmpty();
    }

    @Test
    void foodAdvisorGreysPluginUserType() {
        importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor")));

        assertThat(model.types()).extracting(TypeRow::uid)
                .contains("api::restaurant.restaurant", "api::article.article", "api::global.global", ContentTypeView.USER_TYPE_UID);
        TypeRow user = model.types().stream().filter(row -> row.uid().equals(ContentTypeView.USER_TYPE_UID)).findFirst().orElseThrow();
        assertThat(user.pluginManaged()).isTrue();
        assertThat(user.toString()).endsWith("(plugin)");
        assertThat(model.selectedTypeProperty().get().pluginManaged()).isFalse();

        model.selectedTypeProperty().set(user);

        assertThat(model.attributes()).extracting(AttributeRow::name).contains("username", "email");
        assertThat(model.entries()).isEmpty();
        assertThat(model.entriesNoteProperty().get()).contains("the Users screen manages them");
        assertThat(model.columns()).isEmpty();
        assertThat(model.filterAttributes()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    private void importSchemas(Path folder) {
        dialogs.replyToPathChoices(folder);
        model.refresh();
        model.imports().importSchemas();
    }

    private void importEntries(Path file) {
        dialogs.replyToPathChoices(file);
        model.imports().importEntries();
    }

    private void importCountries() {
        importSchemas(countries);
        importEntries(countries.resolve("countries.json"));
    }

    private List<JsonNode> countryNodes() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        new ObjectMapper().readTree(countries.resolve("countries.json").toFile()).forEach(nodes::add);
        return nodes;
    }

    private List<String> countryCodes() throws IOException {
        return countryNodes().stream().map(country -> country.path("cca2").asText()).toList();
    }
}
