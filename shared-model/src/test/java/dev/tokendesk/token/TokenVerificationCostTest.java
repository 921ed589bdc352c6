package dev.tokendesk.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.CredentialRejectedException.Reason;
import dev.tokendesk.testing.MutableClock;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many statements a token check costs, counted with Hibernate statistics on an installation without background tasks. */
class TokenVerificationCostTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(TestDesks.START);
    private TokenDesk desk;
    private Statistics statistics;
    private UserView alice;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.openQuiet(dataDir, clock);
        alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
        statistics = desk.database().sessionFactory().getStatistics();
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    private long statementsDuring(Runnable check) {
        long before = statistics.getPrepareStatementCount();
        check.run();
        return statistics.getPrepareStatementCount() - before;
    }

    private static void rejects(Runnable check, Reason reason) {
        assertThatThrownBy(check::run).isInstanceOf(CredentialRejectedException.class)
                .extracting(e -> ((CredentialRejectedException) e).reason()).isEqualTo(reason);
    }

    @Test
    void badChecksumReadsNothing() {
        String issued = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
        char last = issued.charAt(issued.length() - 1);
        String typo = issued.substring(0, issued.length() - 1) + (last == 'a' ? 'b' : 'a');

        long statements = statementsDuring(() -> rejects(() -> desk.tokens().verify(typo, "127.0.0.1"), Reason.MALFORMED_TOKEN));

        assertThat(statements).isZero();
    }

    @Test
    void unknownTokenCostsOneStatement() {
        desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER));
        String unknown = new TokenFormat(new SecureRandom()).generate();

        long statements = statementsDuring(() -> rejects(() -> desk.tokens().verify(unknown, "127.0.0.1"), Reason.UNKNOWN_TOKEN));

        assertThat(statements).isEqualTo(1);
    }

    @Test
    void repeatedCheckOfAcceptedTokenReadsNothing() {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
        long first = statementsDuring(() -> desk.tokens().verify(token, "127.0.0.1"));

        long second = statementsDuring(() -> assertThat(desk.tokens().verify(token, "127.0.0.1").ownerId()).isEqualTo(alice.id()));

        assertThat(first).isPositive();
        assertThat(second).isZero();
    }

    @Test
    void previousValueIsFoundInTheSameStatementAndExpiresOnTheClock() {
        String old = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, Expiry.NEVER)).token();
        long id = desk.tokens().list().get(0).id();
        desk.tokens().regenerate(id, Duration.ofMinutes(10));

        assertThat(desk.tokens().verify(old, "127.0.0.1").tokenId()).isEqualTo(id);
        long cachedCheck = statementsDuring(() -> desk.tokens().verify(old, "127.0.0.1"));
        clock.advance(Duration.ofMinutes(10));

        assertThat(cachedCheck).isZero();
        rejects(() -> desk.tokens().verify(old, "127.0.0.1"), Reason.SUPERSEDED_TOKEN);
    }

    @Test
    void cachedTokenExpiresOnTheClock() {
        String token = desk.tokens().issue(TokenRequest.of(alice.id(), "ci", TokenScope.FULL, new Expiry.After(Duration.ofDays(7)))).token();
        desk.tokens().verify(token, "127.0.0.1");
        clock.advance(Duration.ofDays(7));

        long statements = statementsDuring(() -> rejects(() -> desk.tokens().verify(token, "127.0.0.1"), Reason.EXPIRED_TOKEN));

        assertThat(statements).isZero();
    }

    @Test
    void cachedTokenStillChecksTheAddress() {
        String token = desk.tokens().issue(new TokenRequest(alice.id(), "office", null, TokenScope.FULL, java.util.Set.of(),
                Expiry.NEVER, IpAllowList.parse("10.0.0.0/8"))).token();
        desk.tokens().verify(token, "10.1.2.3");

        assertThatThrownBy(() -> desk.tokens().verify(token, "127.0.0.1"))
                .isInstanceOf(dev.tokendesk.auth.AddressNotAllowedException.class);
    }
}
