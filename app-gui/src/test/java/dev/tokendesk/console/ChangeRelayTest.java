package dev.tokendesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.event.ChangeEvent.Kind;
import dev.tokendesk.event.ChangeEvents;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class ChangeRelayTest {

    private final ChangeEvents events = new ChangeEvents(e -> {
        throw e;
    });
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final ChangeRelay relay = new ChangeRelay(events, uiQueue::add);

    @Test
    void burstOfEventsRefreshesOnce() {
        List<String> refreshed = new ArrayList<>();
        relay.onChange(EnumSet.of(Kind.USER, Kind.TOKEN), () -> refreshed.add("tokens"));

        events.publish(Kind.TOKEN, 1L);
        events.publish(Kind.TOKEN, 2L);
        events.publish(Kind.USER, 3L);
        runUiQueue();

        assertThat(refreshed).containsExactly("tokens");
    }

    @Test
    void onlyMatchingTargetsRefresh() {
        List<String> refreshed = new ArrayList<>();
        relay.onChange(EnumSet.of(Kind.ROLE), () -> refreshed.add("roles"));
        relay.onChange(EnumSet.of(Kind.USER), () -> refreshed.add("users"));

        events.publish(Kind.USER, 1L);
        runUiQueue();

        assertThat(refreshed).containsExactly("users");
    }

    @Test
    void eventAfterDeliveryRefreshesAgain() {
        List<String> refreshed = new ArrayList<>();
        relay.onChange(EnumSet.of(Kind.USER), () -> refreshed.add("users"));

        events.publish(Kind.USER, 1L);
        runUiQueue();
        events.publish(Kind.USER, 2L);
        runUiQueue();

        assertThat(refreshed).hasSize(2);
    }

    @Test
    void closedRelayIgnoresEvents() {
        List<String> refreshed = new ArrayList<>();
        relay.onChange(EnumSet.of(Kind.USER), () -> refreshed.add("users"));

        relay.close();
        events.publish(Kind.USER, 1L);
        runUiQueue();

        assertThat(refreshed).isEmpty();
        assertThat(uiQueue).isEmpty();
    }

    private void runUiQueue() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }
}
