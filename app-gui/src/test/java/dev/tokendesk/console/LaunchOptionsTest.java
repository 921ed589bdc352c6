package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsMeansDefaults() {
        LaunchOptions options = LaunchOptions.parse(List.of());

        assertThat(options.dataDir()).isNull();
        assertThat(options.overrides()).isEmpty();
    }

    @Test
    void parsesSeparateAndJoinedValues() {
        LaunchOptions options = LaunchOptions.parse(List.of("--data-dir", "/tmp/td", "--port=0", "--bind", "::1"));

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/td"));
        assertThat(options.overrides()).containsEntry("port", "0");
        assertThat(options.overrides()).containsEntry("bind", "::1");
    }

    @Test
    void unknownOptionNamed() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--database", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--database");
    }

    @Test
    void parsesDatabaseAndNoServer() {
        LaunchOptions options = LaunchOptions.parse(List.of("--db-url", "jdbc:postgresql://127.0.0.1/td", "--db-user=admin", "--no-server"));

        assertThat(options.overrides()).containsEntry("db.url", "jdbc:postgresql://127.0.0.1/td");
        assertThat(options.overrides()).containsEntry("db.user", "admin");
        assertThat(options.startServer()).isFalse();
    }

    @Test
    void serverStartsByDefault() {
        assertThat(LaunchOptions.parse(List.of("--port", "0")).startServer()).isTrue();
    }

    @Test
    void passwordOptionRejected() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--db-password", "secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOKENDESK_DB_PASSWORD")
                .hasMessageNotContaining("secret");
    }

    @Test
    void missingValueNamed() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--port")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port needs a value");
    }

    @Test
    void unknownLastOptionNamedUnknown() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("-x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option -x")
                .hasMessageNotContaining("needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--bogus", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --bogus");
    }

    @Test
    void firstWordIsSubcommand() {
        assertThat(LaunchOptions.startsWithSubcommand("token", "create")).isTrue();
        assertThat(LaunchOptions.startsWithSubcommand("--port", "0")).isFalse();
        assertThat(LaunchOptions.startsWithSubcommand()).isFalse();
    }
}
