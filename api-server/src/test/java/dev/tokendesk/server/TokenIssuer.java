package dev.tokendesk.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Issues tokens for bob with {@code token create} in separate JVMs, one after another, as an admin does while the server runs. */
final class TokenIssuer {

    private final Path work;
    private final Map<String, String> env;
    private final String[] deskOptions;
    private final List<String> failures = new ArrayList<>();

    TokenIssuer(Path work, Map<String, String> env, String... deskOptions) {
        this.work = work;
        this.env = env;
        this.deskOptions = deskOptions;
    }

    /** Issues {@code count} tokens and returns those whose command ended with exit code 0. */
    List<String> issueWhileRunning(int count) throws Exception {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of("token", "create", "--user", "bob", "--name", "issued-" + i));
            args.addAll(List.of(deskOptions));
            ServeProcess.Result result = ServeProcess.run(work.resolve("token-" + i + ".err"), env, args.toArray(String[]::new));
            if (result.exitCode() == 0) {
                issued.add(result.out().strip());
            } else {
                failures.add("exit " + result.exitCode() + ": " + result.err().lines().filter(line -> line.startsWith("Error")).toList());
            }
        }
        return issued;
    }

    /** Returns the exit code and error lines of each command that failed. */
    List<String> failures() {
        return List.copyOf(failures);
    }
}
