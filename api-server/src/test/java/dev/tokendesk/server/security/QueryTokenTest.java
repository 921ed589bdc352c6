package dev.tokendesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.token.TokenFormat;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTokenTest {

    private static final String TOKEN = wellFormedToken();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "token=T                                  | ''",
            "token=                                   | ''",
            "token=T&sort=name                        | sort=name",
            "sort=name&token=T                        | sort=name",
            "a=1&token=T&b=2                          | a=1&b=2",
            "pagination%5BpageSize%5D=10&token=T      | pagination%5BpageSize%5D=10",
            "tok%65n=T&a=1                            | a=1",
            "token[0]=T&a=1                           | a=1",
            "token%5B%5D=T&a=1                        | a=1",
            "a=1&&token=T&&b=2                        | a=1&&&b=2",
            "&token=T                                 | ''",
            "a=1&token=T&                             | a=1",
            "token&a=1                                | a=1",
            "tokens=1&a=1                             | tokens=1&a=1",
            "a=token&b=%41                            | a=token&b=%41",
            "t=1&token=T&token=U                      | t=1",
    })
    void removeDropsEveryTokenParameterAndKeepsTheRestAsSent(String query, String expected) {
        assertThat(QueryToken.remove(query.replace("T", TOKEN))).isEqualTo(expected);
    }

    @Test
    void unchangedQueryIsSameString() {
        String query = "filters%5Bname%5D%5B%24eq%5D=x&sort=name%3Adesc&&";

        assertThat(QueryToken.remove(query)).isSameAs(query);
        assertThat(QueryToken.redact(query)).isSameAs(query);
    }

    @Test
    void emptyAndMissingQueriesBecomeEmpty() {
        assertThat(QueryToken.remove(null)).isEmpty();
        assertThat(QueryToken.remove("")).isEmpty();
    }

    @Test
    void redactShowsHintOrStars() {
        String hint = TokenFormat.displayHint(TokenFormat.hintOf(TOKEN));

        assertThat(QueryToken.redact("a=1&token=" + TOKEN + "&b=2")).isEqualTo("a=1&token=" + hint + "&b=2");
        assertThat(QueryToken.redact("tok%65n=" + TOKEN)).isEqualTo("tok%65n=" + hint);
        assertThat(QueryToken.redact("token=tdk_invalid&sort=name")).isEqualTo("token=***&sort=name");
        assertThat(QueryToken.redact("token")).isEqualTo("token=***");
        assertThat(QueryToken.redact("token=" + TOKEN)).isEqualTo("token=" + hint);
        assertThat(QueryToken.redact("token=tdk_invalid")).isEqualTo("token=***");
        assertThat(QueryToken.redact("token=")).isEqualTo("token=***");
        assertThat(QueryToken.redact("a=1&token=" + TOKEN.substring(0, 20))).isEqualTo("a=1&token=***");
    }

    private static String wellFormedToken() {
        // The cases mark the token's place with "T" and "U", so the token must hold neither letter.
        String token;
        do {
            token = new TokenFormat(new SecureRandom()).generate();
        } while (token.indexOf('T') >= 0 || token.indexOf('U') >= 0);
        return token;
    }
}
