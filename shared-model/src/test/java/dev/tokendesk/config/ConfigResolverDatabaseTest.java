package dev.tokendesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database settings: URL and user from every source, the password only from the environment or the private properties file. */
class ConfigResolverDatabaseTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/tokendesk";

    @TempDir
    Path dataDir;

    private ConfigResolver resolver(Map<String, String> env) {
        return new ConfigResolver(env, () -> dataDir);
    }

    @Test
    void environmentSetsUrlUserAndPassword() {
        TokenDeskConfig config = resolver(Map.of("TOKENDESK_DB_URL", URL, "TOKENDESK_DB_USER", "desk", "TOKENDESK_DB_PASSWORD", "s3cret"))
                .resolve(dataDir, Map.of());

        assertThat(config.dbUrl()).isEqualTo(URL);
        assertThat(config.dbUser()).isEqualTo("desk");
        assertThat(config.dbPassword()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void optionsOverrideEnvironment() {
        TokenDeskConfig config = resolver(Map.of("TOKENDESK_DB_URL", "jdbc:postgresql://other/db", "TOKENDESK_DB_USER", "other"))
                .resolve(dataDir, Map.of("db.url", URL, "db.user", "desk"));

        assertThat(config.dbUrl()).isEqualTo(URL);
        assertThat(config.dbUser()).isEqualTo("desk");
    }

    @Test
    void passwordInUrlIsRejected() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(dataDir, Map.of("db.url", URL + "?ssl=true&Password=hunter2")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("option --db-url")
                .hasMessageContaining("TOKENDESK_DB_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void passwordOptionIsRejected() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(dataDir, Map.of("db.url", URL, "db.password", "hunter2")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("TOKENDESK_DB_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void otherDatabaseIsRejected() {
        assertThatThrownBy(() -> resolver(Map.of("TOKENDESK_DB_URL", "jdbc:mysql://127.0.0.1/td")).resolve(dataDir, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("environment variable TOKENDESK_DB_URL")
                .hasMessageContaining("jdbc:postgresql://");
    }
}
