package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every log line, at every level, and the request log are searched for the secrets a session used. */
class SecretLoggingTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level previousLevel;
    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        captured.start();
        root.addAppender(captured);
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    @Test
    void secretsNeverReachLogs() {
        String jwt = api.postJson("/api/auth/local", "{\"identifier\":\"alice\",\"password\":\"" + ApiFixture.ALICE_PASSWORD + "\"}")
                .json().get("jwt").asText();
        api.postJson("/api/auth/local", "{\"identifier\":\"alice\",\"password\":\"Wrong-Secret-77\"}");
        api.postJson("/api/auth/local", "{\"identifier\":\"alice\",\"password\":Unquoted-Secret-88}");
        api.get("/api/restaurants?token=" + fixture.tokenA);
        api.get("/api/restaurants?token=" + fixture.tokenA + "&sort=nope");
        api.get("/api/restaurants", "Authorization", "Bearer " + fixture.tokenB);
        api.get("/api/restaurants", "Authorization", "Bearer " + jwt);
        api.get("/api/users/me", "Authorization", "Bearer " + jwt + "x");
        api.get("/api/restaurants?token=" + fixture.tokenA.substring(0, 52) + "Q");
        api.postJson("/api/restaurants?token=" + fixture.tokenA, "{\"data\":{\"name\":\"x\",\"seats\":\"bad\"}}");
        api.desk.lastUsed().flush();

        // Detached first, so server threads that still log cannot change the list while it is read.
        root.detachAppender(captured);
        List<String> logText = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            logText.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                logText.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        List<String> requestLog = api.awaitRequestLog(10).stream().map(RequestLogEntry::toString).toList();
        List<String> secrets = List.of(fixture.tokenA, fixture.tokenA.substring(4, 40), fixture.tokenB, jwt, jwt.substring(jwt.lastIndexOf('.') + 1),
                ApiFixture.ALICE_PASSWORD, "Wrong-Secret-77", "Unquoted-Secret-88");

        assertThat(captured.list).isNotEmpty();
        assertThat(requestLog).hasSize(10);
        for (String secret : secrets) {
            assertThat(logText).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(requestLog).as("request log").noneMatch(line -> line.contains(secret));
        }
    }
}
