package dev.tokendesk.console.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuedTokenDetailsTest {

    private static final String TOKEN = "tdk_0123456789012345678901234567890123456789012abcdef";

    @Test
    void toStringLeavesSecretsOut() {
        IssuedTokenDetails details = IssuedTokenDetails.withCollection("ci", "alice", TOKEN, "http://127.0.0.1:1337", "restaurants");

        assertThat(details.toString()).doesNotContain(TOKEN);
        assertThat(details.toString()).contains("ci");
    }

    @Test
    void urlAndCurlUseCollection() {
        IssuedTokenDetails details = IssuedTokenDetails.withCollection("ci", "alice", TOKEN, "http://127.0.0.1:1337", "restaurants");

        assertThat(details.url()).isEqualTo("http://127.0.0.1:1337/api/restaurants?token=" + TOKEN);
        assertThat(details.curlCommand()).isEqualTo("curl -H \"Authorization: Bearer " + TOKEN + "\" http://127.0.0.1:1337/api/restaurants");
    }
}
