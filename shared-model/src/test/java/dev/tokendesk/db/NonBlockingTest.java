package dev.tokendesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database call inside {@link NonBlocking#attempt} stops the attempt before it reads or writes anything. */
class NonBlockingTest {

    @TempDir
    Path dataDir;

    private TokenDesk desk;

    @BeforeEach
    void open() {
        desk = TestDesks.open(dataDir);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void workInMemoryCompletes() throws Exception {
        List<String> steps = new ArrayList<>();

        boolean completed = NonBlocking.attempt(() -> steps.add("ran"));

        assertThat(completed).isTrue();
        assertThat(steps).containsExactly("ran");
    }

    @Test
    void databaseWriteStopsTheAttemptBeforeItRuns() throws Exception {
        long usersBefore = desk.users().count();
        List<String> steps = new ArrayList<>();

        boolean completed = NonBlocking.attempt(() -> {
            steps.add("before");
            desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null));
            steps.add("after");
        });

        assertThat(completed).isFalse();
        assertThat(steps).containsExactly("before");
        assertThat(desk.users().count()).isEqualTo(usersBefore);
    }

    @Test
    void databaseWorksAgainAfterAnAttempt() throws Exception {
        assertThat(NonBlocking.attempt(() -> desk.users().count())).isFalse();

        long usersBefore = desk.users().count();

        desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null));

        assertThat(desk.users().count()).isEqualTo(usersBefore + 1);
    }

    @Test
    void workExceptionEndsAttempt() {
        assertThatThrownBy(() -> NonBlocking.attempt(() -> {
            throw new IllegalStateException("from the work");
        })).isInstanceOf(IllegalStateException.class).hasMessage("from the work");

        long usersBefore = desk.users().count();
        desk.users().create(new NewUser("carol", "carol@example.com", "Carol-Pass-1", null));
        assertThat(desk.users().count()).isEqualTo(usersBefore + 1);
    }
}
