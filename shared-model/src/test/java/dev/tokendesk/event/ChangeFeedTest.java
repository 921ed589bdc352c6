package dev.tokendesk.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two installations on one H2 file, as the console and the CLI are, learning of each other's changes. */
class ChangeFeedTest {

    @TempDir
    Path dataDir;

    @Test
    void otherProcessChangesArePublished() throws Exception {
        try (TokenDesk console = TestDesks.open(dataDir); TokenDesk cli = TestDesks.open(dataDir)) {
            List<ChangeEvent> seenByConsole = new CopyOnWriteArrayList<>();
            console.events().subscribe(seenByConsole::add);

            cli.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            cli.changeFeed().synchronize();
            console.changeFeed().synchronize();

            assertThat(seenByConsole).containsExactly(new ChangeEvent(ChangeEvent.Kind.USER, null, ChangeEvent.Origin.OTHER_PROCESS));
        }
    }

    @Test
    void ownChangesAreNotRepublished() throws Exception {
        try (TokenDesk desk = TestDesks.open(dataDir)) {
            List<ChangeEvent> seen = new CopyOnWriteArrayList<>();
            desk.events().subscribe(seen::add);

            desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));
            desk.changeFeed().synchronize();
            desk.changeFeed().synchronize();

            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).origin()).isEqualTo(ChangeEvent.Origin.THIS_PROCESS);
        }
    }

    @Test
    void changesOnBothSidesAreSeen() throws Exception {
        try (TokenDesk console = TestDesks.open(dataDir); TokenDesk cli = TestDesks.open(dataDir)) {
            List<ChangeEvent> seenByConsole = new CopyOnWriteArrayList<>();
            console.events().subscribe(event -> {
                if (event.origin() == ChangeEvent.Origin.OTHER_PROCESS) {
                    seenByConsole.add(event);
                }
            });

            console.roles().create("Editor", null);
            cli.roles().create("Reviewer", null);
            cli.changeFeed().synchronize();
            console.changeFeed().synchronize();

            assertThat(seenByConsole).extracting(ChangeEvent::kind).containsExactly(ChangeEvent.Kind.ROLE);
        }
    }
}
