package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.content.EntryPage;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestPostgres;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations and entity mappings on a real PostgreSQL 14, started from a Maven artifact:
 * the schema validates, and users, tokens and content work on it.
 */
@Tag("own-postgres")
class PostgresSchemaTest {

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    private TokenDesk openOnPostgres() {
        return TestPostgres.openFreshDatabase(postgres, dataDir);
    }

    @Test
    void migrationsAndServicesWorkOnPostgres() {
        try (TokenDesk desk = openOnPostgres()) {
            UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            IssuedToken token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.parse("7d")));
            desk.tokens().revoke(desk.tokens().issue(TokenRequest.of(alice.id(), "old", TokenScope.FULL, Expiry.NEVER)).view().id());

            assertThat(desk.database().isPostgres()).isTrue();
            assertThat(desk.tokens().verify(token.token(), "127.0.0.1").ownerId()).isEqualTo(alice.id());
            assertThat(desk.users().login("ALICE", "Alice-Pass-1").id()).isEqualTo(alice.id());
            assertThat(desk.audit().list(10, "token")).hasSize(3);
        }
    }

    @Test
    void contentImportAndQueriesWorkOnPostgres() throws IOException {
        Path countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, dataDir.resolve("fixtures"));
        try (TokenDesk desk = openOnPostgres()) {
            desk.content().importSchemas(countries);
            int imported = desk.content().importEntries("country", countries.resolve("countries.json"), false);

            EntryPage page = desk.content().list("api::country.country", 3, 100);

            assertThat(imported).isEqualTo(250);
            assertThat(page.total()).isEqualTo(250);
            assertThat(page.entries()).hasSize(50);
            assertThatThrownBy(() -> desk.content().create("api::country.country",
                    JsonNodeFactory.instance.objectNode().put("cca2", "AW")))
                    .isInstanceOf(dev.tokendesk.ValidationException.class);
        }
    }

    @Test
    void revokedTokenIsRejectedOnPostgres() {
        try (TokenDesk desk = openOnPostgres()) {
            UserView bob = desk.users().create(new NewUser("bob", "bob@example.com", "Bob-Pass-1", null));
            IssuedToken token = desk.tokens().issue(TokenRequest.of(bob.id(), "ci", TokenScope.FULL, Expiry.NEVER));

            desk.tokens().revoke(token.view().id());

            assertThatThrownBy(() -> desk.tokens().verify(token.token(), "127.0.0.1"))
                    .isInstanceOf(CredentialRejectedException.class)
                    .hasMessageContaining("revoked");
        }
    }
}
