package dev.tokendesk.content;

import static dev.tokendesk.content.EntryValidationTest.json;
import static dev.tokendesk.content.GadgetSchema.MAKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.ValidationException.FieldError;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryImportTest {

    private static final String COUNTRY = "api::country.country";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private TokenDesk desk;
    private ContentService content;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.open(dataDir);
        content = desk.content();
        content.importSchemas(Fixtures.copy(Fixtures.WORLD_COUNTRIES, work.resolve("countries")));
        content.importSchemas(GadgetSchema.write(work.resolve("gadgets")));
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void unknownKeysAreListedWithEntryIndex() throws IOException {
        Path file = write("""
                [{"name": {"common": "Atlantis"}, "cca2": "AT", "cca3": "ATL", "region": "Sea", "ruler": "Poseidon", "motto": ""},
                 {"name": {"common": "Lemuria"}, "cca2": "LE", "cca3": "LEM", "region": "Sea", "sunk": true}]
                """);

        Map<String, String> errors = errorsOf(() -> content.importEntries("country", file, false));

        assertThat(errors).containsEntry("entries[0].ruler", "entries[0]: ruler is not an attribute of api::country.country");
        assertThat(errors).containsEntry("entries[0].motto", "entries[0]: motto is not an attribute of api::country.country");
        assertThat(errors).containsEntry("entries[1].sunk", "entries[1]: sunk is not an attribute of api::country.country");
        assertThat(errors).hasSize(3);
        assertThat(content.list(COUNTRY, 1, 10).total()).isZero();
    }

    @Test
    void skipUnknownKeysImportsAndDropsThem() throws IOException {
        Path file = write("""
                [{"name": {"common": "Atlantis"}, "cca2": "AT", "cca3": "ATL", "region": "Sea", "ruler": "Poseidon"},
                 {"name": {"common": "Lemuria"}, "cca2": "LE", "cca3": "LEM", "region": "Sea", "sunk": true}]
                """);

        int stored = content.importEntries("country", file, true);

        List<ObjectNode> entries = content.list(COUNTRY, 1, 10).entries();
        assertThat(stored).isEqualTo(2);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).has("ruler")).isFalse();
        assertThat(entries.get(1).has("sunk")).isFalse();
    }

    @Test
    void oneInvalidEntryStoresNone() throws IOException {
        Path file = write("""
                [{"name": {"common": "Atlantis"}, "cca2": "AT", "cca3": "ATL", "region": "Sea"},
                 {"name": {"common": "Lemuria"}, "cca2": "LE", "cca3": "LEM", "region": "Sea"},
                 {"name": {"common": "Mu"}, "cca2": "MUX", "cca3": "MUU"}]
                """);

        Map<String, String> errors = errorsOf(() -> content.importEntries("country", file, false));

        assertThat(errors).containsEntry("entries[2].cca2", "entries[2]: cca2 must be at most 2 characters long, not 3");
        assertThat(errors).containsEntry("entries[2].region", "entries[2]: region is required");
        assertThat(errors).hasSize(2);
        assertThat(content.list(COUNTRY, 1, 10).total()).isZero();
    }

    @Test
    void duplicateWithinFileIsRejected() throws IOException {
        Path file = write("""
                [{"name": {"common": "Atlantis"}, "cca2": "AT", "cca3": "ATL", "region": "Sea"},
                 {"name": {"common": "Atlantis again"}, "cca2": "AT", "cca3": "ATA", "region": "Sea"}]
                """);

        Map<String, String> errors = errorsOf(() -> content.importEntries("country", file, false));

        assertThat(errors).containsExactly(Map.entry("entries[1].cca2",
                "entries[1]: cca2 must be unique, but another api::country.country entry already has this value"));
        assertThat(content.list(COUNTRY, 1, 10).total()).isZero();
    }

    @Test
    void nonArrayFileIsRejectedNamingIt() throws IOException {
        Path file = write("{\"cca2\": \"AT\"}");

        assertThatThrownBy(() -> content.importEntries("country", file, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::path).containsExactly(file.toString());
                    assertThat(e.getMessage()).isEqualTo(file + " must contain a JSON array of entries, not an object");
                });
    }

    @Test
    void invalidJsonIsRejectedNamingIt() throws IOException {
        Path file = write("[{\"cca2\": ");

        assertThatThrownBy(() -> content.importEntries("country", file, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::path).containsExactly(file.toString());
                    assertThat(e.getMessage()).startsWith(file + " is not valid JSON");
                });
    }

    @Test
    void missingFileIsRejectedNamingIt() {
        Path file = work.resolve("absent.json");

        assertThatThrownBy(() -> content.importEntries("country", file, false))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Entries file not found: " + file);
    }

    @Test
    void unknownTypeIsNotFound() throws IOException {
        Path file = write("[]");

        assertThatThrownBy(() -> content.importEntries("planet", file, false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentCreatesCannotShareUniqueValue() throws Exception {
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        Callable<Boolean> createAcme = () -> {
            start.await();
            try {
                content.create(MAKER, json("{\"name\": \"Acme\"}"));
                return true;
            } catch (ValidationException e) {
                return false;
            }
        };
        for (int i = 0; i < writers; i++) {
            outcomes.add(pool.submit(createAcme));
        }

        start.countDown();
        int created = 0;
        for (Future<Boolean> outcome : outcomes) {
            created += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(content.list(MAKER, 1, 10).total()).isEqualTo(1);
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(work, "entries", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static Map<String, String> errorsOf(Runnable action) {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ValidationException.class,
                e -> e.errors().forEach(error -> errors.put(error.path(), error.message())));
        return errors;
    }
}
