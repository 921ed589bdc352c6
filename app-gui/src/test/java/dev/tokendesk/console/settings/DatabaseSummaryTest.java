package dev.tokendesk.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.config.TokenDeskConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSummaryTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedShowsTheH2FileAndServerMode() {
        DatabaseSummary summary = DatabaseSummary.of(TokenDeskConfig.defaults(dataDir), true, true);

        assertThat(summary.embedded()).isTrue();
        assertThat(summary.kindText()).isEqualTo("Embedded H2 file");
        assertThat(summary.location()).isEqualTo(dataDir.toAbsolutePath().normalize().resolve("tokendesk.mv.db").toString());
        assertThat(summary.serverText()).isEqualTo("This console runs its own API server");
        assertThat(summary.tokenKeyWarning()).isEmpty();
    }

    @Test
    void postgresShowsUrlAndUserButNoPassword() {
        TokenDeskConfig config = TokenDeskConfig.defaults(dataDir)
                .withDatabase("jdbc:postgresql://db.internal:5432/desk?ssl=true&password=s3cret&user=app", "admin", "s3cret");

        DatabaseSummary summary = DatabaseSummary.of(config, false, true);

        assertThat(summary.kindText()).isEqualTo("PostgreSQL");
        assertThat(summary.location()).isEqualTo("jdbc:postgresql://db.internal:5432/desk?ssl=true");
        assertThat(summary.userText()).isEqualTo("admin");
        assertThat(summary.passwordText()).isEqualTo("Set (not shown)");
        assertThat(summary.serverText()).startsWith("Started with --no-server");
        assertThat(summary.toString()).doesNotContain("s3cret");
    }

    @Test
    void postgresWithoutPasswordSaysSo() {
        TokenDeskConfig config = TokenDeskConfig.defaults(dataDir).withDatabase("jdbc:postgresql://localhost/desk", null, null);

        DatabaseSummary summary = DatabaseSummary.of(config, true, true);

        assertThat(summary.userText()).isEqualTo("None configured");
        assertThat(summary.passwordText()).isEqualTo("Not set");
    }

    @Test
    void userFromUrlParameter() {
        TokenDeskConfig config = TokenDeskConfig.defaults(dataDir).withDatabase("jdbc:postgresql://db/desk?user=app&ssl=true", null, null);

        DatabaseSummary summary = DatabaseSummary.of(config, true, true);

        assertThat(summary.userText()).isEqualTo("app");
        assertThat(summary.location()).isEqualTo("jdbc:postgresql://db/desk?ssl=true");
    }

    @Test
    void userInfoInUrlIsRemoved() {
        assertThat(DatabaseSummary.withoutCredentials("jdbc:postgresql://app:pw@db:5432/desk"))
                .isEqualTo("jdbc:postgresql://db:5432/desk");
        assertThat(DatabaseSummary.withoutCredentials("jdbc:postgresql://db/desk?user=app&password=pw"))
                .isEqualTo("jdbc:postgresql://db/desk");
        assertThat(DatabaseSummary.withoutCredentials("jdbc:postgresql://db/desk?user=app&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/desk?ssl=true");
    }

    @Test
    void differentTokenKeyShowsWarning() {
        DatabaseSummary summary = DatabaseSummary.of(TokenDeskConfig.defaults(dataDir), true, false);

        assertThat(summary.tokenKeyWarning()).contains("token key", "TOKENDESK_TOKEN_KEY");
    }
}
