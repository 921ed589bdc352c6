package dev.tokendesk.server.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.auth.Principal;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.role.PermissionSet;
import org.junit.jupiter.api.Test;

/** The response cache's own rules: generations, callers as part of the key, and bounded memory. */
class ResponseCacheBoundsTest {

    private final ChangeEvents events = new ChangeEvents(e -> {
        throw e;
    });
    private final ResponseCache cache = new ResponseCache(events);

    private static Principal token(long userId, long tokenId) {
        return new Principal(Principal.Kind.API_TOKEN, userId, "user" + userId, tokenId, PermissionSet.empty());
    }

    private static ResponseCache.Key key(Principal principal, String query) {
        return ResponseCache.Key.of(principal, "/api/restaurants", query);
    }

    @Test
    void bodyServesSameCallerOnly() {
        byte[] body = "{\"data\":[]}".getBytes();
        cache.put(key(token(1, 10), "a=1"), cache.generation(), body);

        assertThat(cache.get(key(token(1, 10), "a=1"))).isSameAs(body);
        assertThat(cache.get(key(token(1, 11), "a=1"))).isNull();
        assertThat(cache.get(key(token(2, 10), "a=1"))).isNull();
        assertThat(cache.get(key(token(1, 10), "a=2"))).isNull();
        assertThat(cache.get(ResponseCache.Key.of(new Principal(Principal.Kind.PUBLIC, null, null, null, PermissionSet.empty()),
                "/api/restaurants", "a=1"))).isNull();
    }

    @Test
    void changesButLastUseEmptyCache() {
        for (ChangeEvent.Kind kind : ChangeEvent.Kind.values()) {
            cache.put(key(token(1, 10), "a=1"), cache.generation(), new byte[] {1});
            assertThat(cache.get(key(token(1, 10), "a=1"))).isNotNull();

            events.publish(kind, null);

            if (kind == ChangeEvent.Kind.TOKEN_USE) {
                assertThat(cache.get(key(token(1, 10), "a=1"))).as(kind.name()).isNotNull();
            } else {
                assertThat(cache.get(key(token(1, 10), "a=1"))).as(kind.name()).isNull();
            }
        }
    }

    @Test
    void bodyReadBeforeAChangeIsNotStored() {
        long generation = cache.generation();
        events.publish(ChangeEvent.Kind.ENTRY, "doc");

        cache.put(key(token(1, 10), "a=1"), generation, new byte[] {1});

        assertThat(cache.get(key(token(1, 10), "a=1"))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void bodyAboveTheLimitIsNotStored() {
        cache.put(key(token(1, 10), "big"), cache.generation(), new byte[ResponseCache.MAX_BODY_BYTES + 1]);
        cache.put(key(token(1, 10), "limit"), cache.generation(), new byte[ResponseCache.MAX_BODY_BYTES]);

        assertThat(cache.get(key(token(1, 10), "big"))).isNull();
        assertThat(cache.get(key(token(1, 10), "limit"))).isNotNull();
    }

    @Test
    void entriesAndBytesStayBounded() {
        for (int i = 0; i < ResponseCache.MAX_ENTRIES * 3; i++) {
            cache.put(key(token(1, 10), "page=" + i), cache.generation(), new byte[16]);
            assertThat(cache.size()).isLessThanOrEqualTo(ResponseCache.MAX_ENTRIES);
        }
        assertThat(cache.get(key(token(1, 10), "page=" + (ResponseCache.MAX_ENTRIES * 3 - 1)))).isNotNull();

        events.publish(ChangeEvent.Kind.ENTRY, null);
        int perBody = ResponseCache.MAX_BODY_BYTES;
        long fitting = ResponseCache.MAX_BYTES / perBody;
        for (int i = 0; i <= fitting; i++) {
            cache.put(key(token(1, 10), "large=" + i), cache.generation(), new byte[perBody]);
        }
        assertThat((long) cache.size() * perBody).isLessThanOrEqualTo(ResponseCache.MAX_BYTES);
        assertThat(cache.get(key(token(1, 10), "large=" + fitting))).isNotNull();
    }
}
