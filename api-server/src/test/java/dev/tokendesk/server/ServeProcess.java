package dev.tokendesk.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code tokendesk} command in its own JVM, with standard error captured in a file. */
final class ServeProcess {

    private final Process process;
    private final Path stderr;
    private final String baseUrl;

    private ServeProcess(Process process, Path stderr, String baseUrl) {
        this.process = process;
        this.stderr = stderr;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code serve --port 0} with {@code args} and waits until it prints the address it listens on. */
    static ServeProcess serve(Path stderr, Map<String, String> env, String... args) throws IOException {
        List<String> serveArgs = new ArrayList<>(List.of("serve", "--port", "0"));
        serveArgs.addAll(List.of(args));
        Process process = start(stderr, env, serveArgs, null);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        if (line == null || !line.startsWith("TokenDesk API listening on ")) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not start: " + line + "\n" + Files.readString(stderr));
        }
        return new ServeProcess(process, stderr, line.substring(line.indexOf("http://")));
    }

    /** Runs a command to its end and returns its exit code, standard output and standard error. */
    static Result run(Path stderr, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path stdout = stderr.resolveSibling(stderr.getFileName() + ".out");
        Process process = start(stderr, env, List.of(args), stdout);
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException("Command did not end within 120 seconds: " + String.join(" ", args) + "\n" + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static Process start(Path stderr, Map<String, String> env, List<String> args, Path stdout) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.tokendesk.cli.TokenDeskCli"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        builder.environment().putAll(env);
        return builder.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Sends SIGKILL, like {@code kill -9}, and waits for the process to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not end within 60 seconds");
        }
        return process.exitValue();
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Exit code and output of a finished command. */
    record Result(int exitCode, String out, String err) {
    }
}
