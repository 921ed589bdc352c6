package dev.tokendesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenFormat;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of credential parsing: the Authorization header parser, API token and JWT checks
 * against a real installation, and the removal and redaction of {@code token} in query strings.
 * Random and mangled credentials are rejected with {@link CredentialRejectedException} and nothing
 * else, and the rejection message never repeats the credential. The request log masks the
 * redacted query once more, so the redaction property holds for that combination.
 */
class CredentialParsingPropertiesTest {

    private static Path dataDir;
    private static TokenDesk desk;
    private static String token;
    private static String jwt;

    @BeforeContainer
    static void openDesk() throws IOException {
        dataDir = Files.createTempDirectory("credential-properties");
        desk = TestDesks.open(dataDir);
        UserView user = desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null));
        token = desk.tokens().issue(TokenRequest.of(user.id(), "carol", TokenScope.FULL, Expiry.NEVER)).token();
        jwt = desk.jwt().issue(user);
    }

    @AfterContainer
    static void closeDesk() throws IOException {
        desk.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 2000, seed = "20261204")
    void headerParsesOrIsRejected(@ForAll("headers") String header) {
        String credential = null;
        Throwable failure = null;
        try {
            credential = BearerMechanism.credentialOf(header);
        } catch (RuntimeException e) {
            failure = e;
        }

        if (failure != null) {
            assertThat(failure).isInstanceOf(CredentialRejectedException.class);
            if (header.strip().length() >= 8) {
                assertThat(failure.getMessage()).doesNotContain(header.strip());
            }
        } else {
            assertThat(credential).isNotEmpty();
            assertThat(credential.chars().noneMatch(Character::isWhitespace)).isTrue();
        }
    }

    @Property(tries = 1500, seed = "20261205")
    void mangledTokensAreRejected(@ForAll("mangledTokens") String candidate) {
        Throwable failure = catchThrowable(() -> desk.authenticator().withApiToken(candidate, "127.0.0.1"));

        assertThat(failure).isInstanceOf(CredentialRejectedException.class);
        assertThat(SecretMasking.mask(failure.getMessage())).doesNotContain(token.substring(4, 20));
    }

    @Property(tries = 1500, seed = "20261206")
    void mangledJwtsAreRejected(@ForAll("mangledJwts") String candidate) {
        Throwable failure = catchThrowable(() -> desk.authenticator().withJwt(candidate));

        assertThat(failure).isInstanceOf(CredentialRejectedException.class);
        assertThat(failure.getMessage()).doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
    }

    @Property(tries = 2000, seed = "20261207")
    void queryRedactionHidesToken(@ForAll("queriesWithToken") String query) {
        String redacted = SecretMasking.mask(QueryToken.redact(query));
        String removed = QueryToken.remove(query);

        assertThat(redacted).doesNotContain(token.substring(4, 49));
        assertThat(removed).doesNotContain("token=" + token);
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer", "bearer", "BEARER", "Basic", "Bearer:", "Beаrer", "", "Token", "Bearer\u0000");
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", "\t", "", "\u00a0", "\u2003", " \r\n ", "\u0000");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.of("tdk_", "eyJ.eyJ.", "a b", "x".repeat(10_000), "tdk_\u0000", "\uD800", "=", "\"quoted\""));
        return Arbitraries.oneOf(
                Combinators.combine(scheme, gap, value, gap).as((s, g, v, end) -> s + g + v + end),
                Arbitraries.strings().all().ofMaxLength(120));
    }

    @Provide
    Arbitrary<String> mangledTokens() {
        Arbitrary<String> edited = Combinators.combine(Arbitraries.integers().between(0, TokenFormat.LENGTH - 1),
                        Arbitraries.chars().all())
                .as((position, character) -> replaceAt(token, position, character));
        Arbitrary<String> cut = Arbitraries.integers().between(0, TokenFormat.LENGTH - 1).map(length -> token.substring(0, length));
        Arbitrary<String> extended = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20).map(tail -> token + tail);
        Arbitrary<String> wellFormed = Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
                .ofLength(TokenFormat.RANDOM_LENGTH)
                .map(body -> "tdk_" + body + "000000");
        Arbitrary<String> confusable = Arbitraries.of(token.replace('a', 'а'), token.replace('o', 'ο'), "tdk\uFF3F" + token.substring(4),
                token.toUpperCase(java.util.Locale.ROOT), "\u200b" + token, token + "\u0000");
        return Arbitraries.oneOf(edited, cut, extended, wellFormed, confusable, Arbitraries.strings().all().ofMaxLength(100))
                .filter(candidate -> !candidate.equals(token));
    }

    @Provide
    Arbitrary<String> mangledJwts() {
        Arbitrary<String> edited = Combinators.combine(Arbitraries.integers().between(0, jwt.length() - 1), Arbitraries.chars().all())
                .as((position, character) -> replaceAt(jwt, position, character));
        Arbitrary<String> cut = Arbitraries.integers().between(0, jwt.length() - 1).map(length -> jwt.substring(0, length));
        Arbitrary<String> forged = Arbitraries.of(
                "eyJhbGciOiJub25lIn0." + jwt.split("\\.")[1] + ".",
                "eyJhbGciOiJSUzI1NiJ9." + jwt.split("\\.")[1] + "." + jwt.split("\\.")[2],
                jwt.split("\\.")[0] + ".e30." + jwt.split("\\.")[2],
                jwt + ".extra", "..", ".", "eyJ", "a.b.c", jwt.split("\\.")[0] + ".!!!." + jwt.split("\\.")[2]);
        return Arbitraries.oneOf(edited, cut, forged, Arbitraries.strings().all().ofMaxLength(200))
                .filter(candidate -> !candidate.equals(jwt));
    }

    @Provide
    Arbitrary<String> queriesWithToken() {
        Arbitrary<String> name = Arbitraries.of("token", "tok%65n", "token[0]", "token%5B%5D", "%74oken", "token[", "token%");
        Arbitrary<String> other = Arbitraries.strings().withChars("abc=&%[]$0123456789+ ").ofMaxLength(20);
        return Combinators.combine(other, name, Arbitraries.of("", "%", "%zz", "&", "&&", "=="), other)
                .as((before, parameter, noise, after) -> before + "&" + parameter + "=" + token + noise + "&" + after);
    }

    private static String replaceAt(String text, int position, char character) {
        return text.substring(0, position) + character + text.substring(position + 1);
    }
}
