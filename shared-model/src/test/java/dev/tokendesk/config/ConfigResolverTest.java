package dev.tokendesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path dataDir;

    @Test
    void defaultsWithoutFile() {
        TokenDeskConfig config = resolve(Map.of(), Map.of());

        assertThat(config.defaultTokenExpiry()).isEqualTo("30d");
        assertThat(config.corsOrigins()).containsExactly("http://localhost:*", "http://127.0.0.1:*");
    }

    @Test
    void fileSetsTokenExpiryAndOrigins() throws IOException {
        Files.writeString(dataDir.resolve(ConfigResolver.PROPERTIES_FILE),
                "token.default-expiry=Never\ncors.origins=https://app.example.com , http://localhost:*,,\n");

        TokenDeskConfig config = resolve(Map.of(), Map.of());

        assertThat(config.defaultTokenExpiry()).isEqualTo("never");
        assertThat(config.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:*");
    }

    @Test
    void environmentOverridesFile() throws IOException {
        Files.writeString(dataDir.resolve(ConfigResolver.PROPERTIES_FILE), "token.default-expiry=90d\n");

        TokenDeskConfig config = resolve(Map.of("TOKENDESK_TOKEN_DEFAULT_EXPIRY", "7d", "TOKENDESK_CORS_ORIGINS", ""), Map.of());

        assertThat(config.defaultTokenExpiry()).isEqualTo("7d");
        assertThat(config.corsOrigins()).containsExactly("http://localhost:*", "http://127.0.0.1:*");
    }

    @Test
    void emptyOriginsOptionAllowsNone() {
        TokenDeskConfig config = resolve(Map.of(), Map.of("cors.origins", ""));

        assertThat(config.corsOrigins()).isEmpty();
    }

    @Test
    void invalidTokenExpiryNamesValueAndSource() throws IOException {
        Path file = dataDir.resolve(ConfigResolver.PROPERTIES_FILE);
        Files.writeString(file, "token.default-expiry=45d\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Invalid default token expiry '45d' in " + file + ": use 1d, 7d, 30d, 90d or never");
    }

    @Test
    void trustedProxiesComeFromTheEnvironmentAndDefaultToNone() {
        assertThat(resolve(Map.of(), Map.of()).trustedProxies()).isEmpty();

        TokenDeskConfig config = resolve(Map.of("TOKENDESK_TRUSTED_PROXIES", "127.0.0.1 , 10.0.0.0/8"), Map.of());

        assertThat(config.trustedProxies()).isEqualTo("127.0.0.1, 10.0.0.0/8");
    }

    @Test
    void invalidTrustedProxyNamesValueAndSource() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("trusted.proxies", "127.0.0.1, proxy.internal")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("trusted.proxies '127.0.0.1, proxy.internal'")
                .hasMessageContaining("proxy.internal");
    }

    private TokenDeskConfig resolve(Map<String, String> env, Map<String, String> options) {
        return new ConfigResolver(env, () -> dataDir).resolve(dataDir, options);
    }
}
