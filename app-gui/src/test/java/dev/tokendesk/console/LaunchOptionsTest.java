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
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--db-url", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db-url");
    }

    @Test
    void missingValueNamed() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--port")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port needs a value");
    }

    @Test
    void firstWordIsSubcommand() {
        assertThat(LaunchOptions.startsWithSubcommand("token", "create")).isTrue();
        assertThat(LaunchOptions.startsWithSubcommand("--port", "0")).isFalse();
        assertThat(LaunchOptions.startsWithSubcommand()).isFalse();
    }
}
