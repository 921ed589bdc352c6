package dev.tokendesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.security.SecretMasking;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the JSON body parser: whatever the bytes, parsing returns a tree or raises a 400
 * {@link ApiException}, and the message the client would see never contains a secret from the body.
 */
class JsonBodyPropertiesTest {

    /** A well-formed API token (valid checksum), as a client would paste it into a body. */
    private static final String TOKEN = "tdk_5m8Wv1Kqz0R3cXyTb7nJ2pLs9dHf4gAeU6iOkMwQrYt479qDG";

    @Property(tries = 2000, seed = "20261204")
    void randomBytesNeverEscape(@ForAll("bodies") byte[] body) {
        Throwable failure = catchThrowable(() -> RequestBodies.parse(body));

        if (failure != null) {
            assertThat(failure).isInstanceOf(ApiException.class);
            assertThat(((ApiException) failure).status()).isEqualTo(400);
        }
    }

    @Property(tries = 1000, seed = "20261205")
    void errorNeverQuotesSecret(@ForAll("bodiesWithSecret") String body) {
        Throwable failure = catchThrowable(() -> RequestBodies.parse(body.getBytes(StandardCharsets.UTF_8)));

        if (failure != null) {
            String visible = SecretMasking.mask(failure.getMessage()) + SecretMasking.maskTree(((ApiException) failure).details());
            assertThat(visible).doesNotContain(TOKEN.substring(4, 20));
            assertThat(visible).doesNotContain("Hunter2-secret");
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> jsonish = jsonText().map(text -> text.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mangled = Combinators.combine(jsonish, Arbitraries.integers().between(0, 300), Arbitraries.bytes())
                .as(JsonBodyPropertiesTest::overwrite);
        Arbitrary<byte[]> boms = Arbitraries.of(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
                new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{'},
                new byte[] {0, 0, 0, '{', 0, 0, 0, '}'},
                new byte[] {0, 0, 0, '"', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '"'},
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'});
        return Arbitraries.oneOf(random, jsonish, mangled, boms, deep().map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> bodiesWithSecret() {
        Arbitrary<String> secret = Arbitraries.of(TOKEN, "Hunter2-secret", "Bearer " + TOKEN);
        Arbitrary<String> template = Arbitraries.of(
                "{\"password\":\"%s", "{\"password\":%s}", "{\"a\":\"%s\",\"a\":\"%s\"}", "[\"%s\",]", "{\"a\":\"%s\"}}",
                "%s", "{\"data\":{\"name\":\"%s\"\u0000}}", "{\"x\":1e%s}", "{\"%s\"}", "\"\\u%s\"");
        return Combinators.combine(template, secret).as((format, value) -> format.replace("%s", value));
    }

    private static Arbitrary<String> jsonText() {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(text -> "\"" + text + "\""),
                Arbitraries.of("1e999999999", "-0", "1e-10000", "9".repeat(2000), "0.1", "NaN", "Infinity", "true", "null", "01",
                        "\"\\ud800\"", "\"\\u0000\"", "\"\\uZZZZ\"", "{\"a\":1,\"a\":2}", "\"\u202e\u0430dmin\"", "{", "]", ""));
        return Arbitraries.recursive(() -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                        Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(5), inner)
                                .as((key, value) -> "{\"" + key + "\":" + value + "}")),
                0, 4);
    }

    private static Arbitrary<String> deep() {
        return Combinators.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
    }

    private static byte[] overwrite(byte[] bytes, int position, byte value) {
        byte[] copy = bytes.clone();
        if (copy.length > 0) {
            copy[position % copy.length] = value;
        }
        return copy;
    }
}
