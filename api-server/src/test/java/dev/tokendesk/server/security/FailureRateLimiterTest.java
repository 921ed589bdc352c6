package dev.tokendesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.server.security.FailureRateLimiter.RateLimitedException;
import dev.tokendesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final FailureRateLimiter limiter = new FailureRateLimiter("credential checks", 3, Duration.ofMinutes(1), 100, clock);

    @Test
    void failuresWithinTheAllowanceGetNoRejection() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.recordFailureBeyondLimit("127.0.0.1")).isNull();
        }

        RateLimitedException fourth = limiter.recordFailureBeyondLimit("127.0.0.1");

        assertThat(fourth).isNotNull();
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.retryAfterSeconds()).isEqualTo(60);
        assertThat(fourth.getMessage()).isEqualTo("Too many failed credential checks from 127.0.0.1: retry in 60 seconds");
    }

    @Test
    void addressesCountSeparately() {
        for (int i = 0; i < 4; i++) {
            limiter.recordFailureBeyondLimit("10.0.0.1");
        }

        assertThat(limiter.recordFailureBeyondLimit("10.0.0.2")).isNull();
    }

    @Test
    void newWindowStartsTheCountAgain() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailureBeyondLimit("127.0.0.1");
        }
        clock.advance(Duration.ofSeconds(60));

        assertThat(limiter.recordFailureBeyondLimit("127.0.0.1")).isNull();
    }

    @Test
    void rejectionReusedWithinSecond() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailureBeyondLimit("127.0.0.1");
        }
        RateLimitedException first = limiter.recordFailureBeyondLimit("127.0.0.1");
        clock.advance(Duration.ofMillis(400));
        RateLimitedException sameSecond = limiter.recordFailureBeyondLimit("127.0.0.1");
        clock.advance(Duration.ofMillis(700));
        RateLimitedException later = limiter.recordFailureBeyondLimit("127.0.0.1");

        assertThat(sameSecond).isSameAs(first);
        assertThat(later).isNotSameAs(first);
        assertThat(later.retryAfterSeconds()).isEqualTo(59);
        assertThat(later.getMessage()).endsWith("retry in 59 seconds");
    }

    @Test
    void checkRejectsAfterAllowance() {
        for (int i = 0; i < 3; i++) {
            limiter.check("login@example.com");
            limiter.recordFailure("login@example.com");
        }

        assertThatThrownBy(() -> limiter.check("login@example.com"))
                .isInstanceOfSatisfying(RateLimitedException.class, limited -> assertThat(limited.retryAfterSeconds()).isEqualTo(60));
        clock.advance(Duration.ofMinutes(1));
        limiter.check("login@example.com");
    }

    @Test
    void trackedKeysStayBounded() {
        FailureRateLimiter small = new FailureRateLimiter("logins", 3, Duration.ofMinutes(1), 10, clock);
        for (int i = 0; i < 50; i++) {
            small.recordFailure("10.0.0." + i);
        }
        for (int i = 0; i < 4; i++) {
            small.recordFailure("10.0.1.1");
        }

        // The newest key is still tracked after the older ones were dropped.
        assertThatThrownBy(() -> small.check("10.0.1.1")).isInstanceOf(RateLimitedException.class);
        small.check("10.0.0.0");
    }
}
