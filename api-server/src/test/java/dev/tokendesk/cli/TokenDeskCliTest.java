package dev.tokendesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.testing.TestDesks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against a real data directory. */
class TokenDeskCliTest {

    @TempDir
    Path dataDir;

    private Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = TokenDeskCli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result runWithDataDir(String stdin, String... args) {
        TestDesks.prepareForCommandLine(dataDir);
        String[] withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir.toString();
        return run(stdin, withDir);
    }

    static Path resource(String name) {
        try {
            return Path.of(TokenDeskCliTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void userCreateReadsPasswordFromStdin() {
        Result created = runWithDataDir("Alice-Pass-1\n", "user", "create", "--username", "alice", "--email", "alice@example.com", "--password-stdin");
        Result listed = runWithDataDir("", "user", "list");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out().strip()).matches("\\d+");
        assertThat(created.err()).doesNotContain("Alice-Pass-1");
        assertThat(listed.out()).contains("alice\talice@example.com\tAuthenticated\tactive");
    }

    @Test
    void tokenCreatePrintsOnlyTheToken() {
        runWithDataDir("Alice-Pass-1\n", "user", "create", "--username", "alice", "--email", "alice@example.com", "--password-stdin");

        Result issued = runWithDataDir("", "token", "create", "--user", "alice", "--name", "ci", "--scope", "full", "--expires", "7d");
        Result listed = runWithDataDir("", "token", "list");

        assertThat(issued.exitCode()).as(issued.err()).isZero();
        assertThat(issued.out()).matches("tdk_[0-9A-Za-z]{49}\\R");
        String token = issued.out().strip();
        assertThat(issued.err()).doesNotContain(token);
        assertThat(listed.out()).contains("alice\tci\tfull\tactive");
        assertThat(listed.out()).doesNotContain(token);
    }

    @Test
    void passwordInDatabaseUrlIsRejected() {
        Result listed = run("", "user", "list", "--data-dir", dataDir.toString(), "--db-url", "jdbc:postgresql://127.0.0.1/td?password=hunter2");

        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err()).contains("TOKENDESK_DB_PASSWORD");
        assertThat(listed.err()).doesNotContain("hunter2");
    }

    @Test
    void wrongArgumentsExitWithUsageError() {
        Result missingOption = runWithDataDir("", "token", "create", "--user", "alice");
        Result badScope = runWithDataDir("", "token", "create", "--user", "alice", "--name", "x", "--scope", "everything");
        Result badExpiry = runWithDataDir("", "token", "create", "--user", "alice", "--name", "x", "--expires", "tomorrow");
        Result unknownCommand = run("", "frobnicate");
        Result misspelledCommand = run("", "serv");
        Result emptyPassword = runWithDataDir("", "user", "create", "--username", "bob", "--email", "bob@example.com", "--password-stdin");

        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("--name");
        assertThat(badScope.exitCode()).isEqualTo(2);
        assertThat(badScope.err()).contains("everything").contains("read-only");
        assertThat(badExpiry.exitCode()).isEqualTo(2);
        assertThat(badExpiry.err()).contains("tomorrow");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.err()).contains("frobnicate");
        assertThat(misspelledCommand.exitCode()).isEqualTo(2);
        assertThat(misspelledCommand.err()).contains("serv").contains("serve");
        assertThat(emptyPassword.exitCode()).isEqualTo(2);
        assertThat(emptyPassword.err()).contains("standard input is empty");
    }

    @Test
    void everyInvalidFieldIsListed() {
        Result result = runWithDataDir("short\n", "user", "create", "--username", "a b", "--email", "bad", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("3 errors in the user");
        assertThat(result.err()).contains("  username: ").contains("  email: ").contains("  password: ");
        assertThat(result.err()).doesNotContain("short");
    }

    @Test
    void revokingTwiceSaysSo() {
        runWithDataDir("Alice-Pass-1\n", "user", "create", "--username", "alice", "--email", "alice@example.com", "--password-stdin");
        runWithDataDir("", "token", "create", "--user", "alice", "--name", "ci");

        Result first = runWithDataDir("", "token", "revoke", "1");
        Result second = runWithDataDir("", "token", "revoke", "1");

        assertThat(first.err()).startsWith("Revoked token");
        assertThat(second.exitCode()).isZero();
        assertThat(second.err()).contains("was already revoked at");
    }

    @Test
    void pluginTypesAreRefusedClearly() throws Exception {
        Path foodAdvisor = dev.tokendesk.testing.Fixtures.copy(dev.tokendesk.testing.Fixtures.FOOD_ADVISOR, dataDir.resolve("fixtures"));
        runWithDataDir("", "import", "schemas", foodAdvisor.toString());

        Result importUsers = runWithDataDir("", "import", "data", "users", resource("/data/restaurants.json").toString());
        Result grantUsers = runWithDataDir("", "role", "grant", "Public", "users", "find");

        assertThat(importUsers.exitCode()).isEqualTo(2);
        assertThat(importUsers.err()).contains("managed by a plugin").doesNotContain("Exception");
        assertThat(grantUsers.exitCode()).isEqualTo(2);
        assertThat(grantUsers.err()).contains("managed by a plugin");
    }

    @Test
    void unknownUserIsAClearError() {
        Result result = runWithDataDir("", "token", "create", "--user", "nobody", "--name", "x");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("User not found: nobody");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void everyCommandHasHelp() {
        Result top = run("", "--help");
        String[][] commands = {
            {"serve", "--help"}, {"user", "create", "--help"}, {"token", "create", "--help"},
            {"role", "grant", "--help"}, {"import", "schemas", "--help"}, {"import", "data", "--help"},
            {"token", "list", "--help"}, {"token", "revoke", "--help"}, {"token", "regenerate", "--help"}, {"token", "delete", "--help"},
            {"user", "block", "--help"}, {"user", "unblock", "--help"}, {"user", "delete", "--help"}, {"user", "passwd", "--help"},
            {"user", "sign-out", "--help"}, {"audit", "list", "--help"}, {"audit", "failures", "--help"},
        };

        for (String[] command : commands) {
            Result result = run("", command);

            assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).contains("Usage:").contains("--data-dir");
        }
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).containsSubsequence("serve", "user", "token", "role", "import", "audit", "migrate", "backup", "restore");
    }

    @Test
    void importsSchemasDataAndGrantsRole() {
        Result schemas = runWithDataDir("", "import", "schemas", resource("/schemas/restaurant/schema.json").toString());
        Result grant = runWithDataDir("", "role", "grant", "Public", "restaurants", "find", "findOne");
        Result badAction = runWithDataDir("", "role", "grant", "Public", "restaurant", "destroy");
        Result data = runWithDataDir("", "import", "data", "restaurant", resource("/data/restaurants.json").toString());

        assertThat(schemas.exitCode()).as(schemas.err()).isZero();
        assertThat(grant.exitCode()).as(grant.err()).isZero();
        assertThat(grant.err()).contains("api::restaurant.restaurant");
        assertThat(badAction.exitCode()).isEqualTo(2);
        assertThat(badAction.err()).contains("destroy");
        assertThat(data.exitCode()).as(data.err()).isZero();
        assertThat(data.out().strip()).isEqualTo("3");
    }

    @Test
    void tokenLifecycleCommandsAreAudited() {
        runWithDataDir("Alice-Pass-1\n", "user", "create", "--username", "alice", "--email", "alice@example.com", "--password-stdin");
        String token = runWithDataDir("", "token", "create", "--user", "alice", "--name", "ci", "--allow-ip", "127.0.0.1, 10.0.0.0/8").out().strip();
        String id = runWithDataDir("", "token", "list").out().split("\t")[0];

        Result regenerated = runWithDataDir("", "token", "regenerate", id, "--grace", "2h");
        Result badGrace = runWithDataDir("", "token", "regenerate", id, "--grace", "25h");
        Result revoked = runWithDataDir("", "token", "revoke", id);
        Result listed = runWithDataDir("", "token", "list");
        Result audit = runWithDataDir("", "audit", "list", "--type", "token");
        Result missing = runWithDataDir("", "token", "revoke", "999");

        assertThat(regenerated.exitCode()).as(regenerated.err()).isZero();
        assertThat(regenerated.out()).matches("tdk_[0-9A-Za-z]{49}\\R");
        assertThat(regenerated.out().strip()).isNotEqualTo(token);
        assertThat(regenerated.err()).contains("old value works until");
        assertThat(badGrace.exitCode()).isEqualTo(2);
        assertThat(badGrace.err()).contains("24 hours").contains("got 25 h 0 min");
        assertThat(revoked.exitCode()).isZero();
        assertThat(listed.out()).contains("\trevoked\t");
        assertThat(audit.out()).contains("cli\ttoken.revoked").contains("cli\ttoken.regenerated").contains("cli\ttoken.issued");
        assertThat(audit.out()).doesNotContain(token).doesNotContain(regenerated.out().strip());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Token not found: 999");
    }

    @Test
    void userLifecycleCommandsWork() {
        runWithDataDir("Alice-Pass-1\n", "user", "create", "--username", "alice", "--email", "alice@example.com", "--password-stdin");
        runWithDataDir("", "token", "create", "--user", "alice", "--name", "ci");

        Result blocked = runWithDataDir("", "user", "block", "ALICE");
        String listedBlocked = runWithDataDir("", "user", "list").out();
        Result unblocked = runWithDataDir("", "user", "unblock", "alice@example.com");
        Result passwd = runWithDataDir("Alice-Pass-2\n", "user", "passwd", "alice", "--password-stdin");
        Result shortPassword = runWithDataDir("short\n", "user", "passwd", "alice", "--password-stdin");
        Result signOut = runWithDataDir("", "user", "sign-out", "alice");
        Result deleted = runWithDataDir("", "user", "delete", "alice");
        String tokensAfter = runWithDataDir("", "token", "list").out();
        String audit = runWithDataDir("", "audit", "list", "--type", "user").out();

        assertThat(blocked.exitCode()).as(blocked.err()).isZero();
        assertThat(listedBlocked).contains("\tblocked");
        assertThat(unblocked.exitCode()).isZero();
        assertThat(passwd.exitCode()).as(passwd.err()).isZero();
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("8 to 256 characters");
        assertThat(signOut.exitCode()).isZero();
        assertThat(deleted.err()).contains("Deleted alice and 1 token(s)");
        assertThat(tokensAfter).isEmpty();
        assertThat(audit).contains("user.deleted").contains("user.signed_out_everywhere").contains("user.password_changed")
                .contains("user.unblocked").contains("user.blocked").contains("user.created");
        assertThat(audit).doesNotContain("Alice-Pass");
    }

    private record Result(int exitCode, String out, String err) {
    }
}
