package dev.tokendesk.testing;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.TokenDeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Opens real TokenDesk installations on a fresh H2 file for tests. */
public final class TestDesks {

    /** Start time of every {@link MutableClock} made here. */
    public static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    private TestDesks() {
    }

    /** Opens an installation in {@code dataDir} with the system clock and port 0. */
    public static TokenDesk open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** Opens an installation in {@code dataDir} with {@code clock} and port 0, ignoring the process environment. */
    public static TokenDesk open(Path dataDir, Clock clock) {
        return TokenDesk.open(config(dataDir), clock, Map.of());
    }

    /** Opens an installation whose background tasks never run, so statement counts cover only the test's own work. */
    public static TokenDesk openQuiet(Path dataDir, Clock clock) {
        return TokenDesk.openWithoutBackgroundTasks(config(dataDir), clock, Map.of());
    }

    public static TokenDeskConfig config(Path dataDir) {
        return TokenDeskConfig.defaults(dataDir).withPort(0);
    }
}
