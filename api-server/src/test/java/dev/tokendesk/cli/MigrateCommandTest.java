package dev.tokendesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.testing.TestPostgres;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate} copying an H2 data directory into embedded PostgreSQL databases. */
@Tag("own-postgres")
class MigrateCommandTest {

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = TokenDeskCli.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private TokenDesk openOnPostgres(String url) {
        TokenDeskConfig config = TestDesks.h2Config(dataDir).withDatabase(url, TestPostgres.USER, null);
        return TokenDesk.open(config, Clock.systemUTC(), Map.of());
    }

    @Test
    void copiesEverythingAndPrintsCounts() {
        String token;
        long restaurants;
        try (TokenDesk h2 = TokenDesk.open(TestDesks.h2Config(dataDir), Clock.systemUTC(), Map.of())) {
            h2.content().importSchemas(TokenDeskCliTest.resource("/schemas/restaurant/schema.json"));
            h2.content().importEntries("restaurant", TokenDeskCliTest.resource("/data/restaurants.json"), false);
            h2.roles().create("Editor", "Edits restaurants");
            UserView alice = h2.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", "Editor"));
            h2.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-1", null));
            token = h2.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
            restaurants = h2.content().list("api::restaurant.restaurant", 1, 100).total();
        }
        String url = TestPostgres.createEmptyDatabase(postgres);

        Result migrated = run("migrate", "--data-dir", dataDir.toString(), "--to-db-url", url, "--to-db-user", TestPostgres.USER);

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).startsWith("table\tsource\ttarget");
        assertThat(migrated.out()).contains("\nusers\t2\t2\n");
        assertThat(migrated.out()).contains("\napi_tokens\t1\t1\n");
        assertThat(migrated.out()).contains("\ncontent_types\t1\t1\n");
        assertThat(migrated.out()).contains("\nroles\t3\t3\n");
        assertThat(migrated.out()).containsPattern("\naudit_events\t([1-9]\\d*)\t\\1\n");
        try (TokenDesk copied = openOnPostgres(url)) {
            assertThat(copied.tokens().verify(token, "127.0.0.1").ownerUsername()).isEqualTo("alice");
            assertThat(copied.users().login("bob", "Bob-Pass-1").username()).isEqualTo("bob");
            assertThat(copied.content().list("api::restaurant.restaurant", 1, 100).total()).isEqualTo(restaurants).isPositive();
            assertThat(copied.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null)).id())
                    .as("new ids continue after the copied ones").isGreaterThan(2);
        }
    }

    @Test
    void nonEmptyTargetIsRejected() {
        String url = TestPostgres.createEmptyDatabase(postgres);
        openOnPostgres(url).close();
        TokenDesk.open(TestDesks.h2Config(dataDir.resolve("source")), Clock.systemUTC(), Map.of()).close();

        Result migrated = run("migrate", "--data-dir", dataDir.resolve("source").toString(), "--to-db-url", url, "--to-db-user", TestPostgres.USER);

        assertThat(migrated.exitCode()).isEqualTo(1);
        assertThat(migrated.err()).contains("is not empty").contains("create a new one");
    }

    @Test
    void passwordInUrlIsRejected() {
        Result migrated = run("migrate", "--data-dir", dataDir.toString(), "--to-db-url", "jdbc:postgresql://127.0.0.1/td?user=x&password=hunter2");

        assertThat(migrated.exitCode()).isEqualTo(2);
        assertThat(migrated.err()).contains("TOKENDESK_DB_PASSWORD");
        assertThat(migrated.err()).doesNotContain("hunter2");
    }

    private record Result(int exitCode, String out, String err) {
    }
}
