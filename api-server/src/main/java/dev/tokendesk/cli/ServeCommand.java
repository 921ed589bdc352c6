package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.audit.Actor;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.server.ApiServer;
import dev.tokendesk.server.http.CorsPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: runs the API server without the console until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the API server without the console until stopped with Ctrl+C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    TokenDeskCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on (default 1337; 0 picks a free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
    String bind;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Browser origin allowed to call the API, such as https://app.example.com or http://localhost:*; "
                    + "repeat for several. Replaces cors.origins of tokendesk.properties, by default http://localhost:* and http://127.0.0.1:*.")
    List<String> corsOrigins;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS",
            description = "Address or CIDR range of a reverse proxy whose X-Forwarded-For header names the client, such as 127.0.0.1; "
                    + "repeat for several. Replaces trusted.proxies of tokendesk.properties; by default no proxy is trusted.")
    List<String> trustedProxies;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        if (port != null) {
            options.put("port", port.toString());
        }
        if (bind != null) {
            options.put("bind", bind);
        }
        if (corsOrigins != null) {
            options.put("cors.origins", String.join(",", corsOrigins));
        }
        if (trustedProxies != null) {
            options.put("trusted.proxies", String.join(",", trustedProxies));
        }

        TokenDeskConfig config = desk.resolve(cli.env(), options);
        CorsPolicy cors;
        try {
            cors = new CorsPolicy(config.corsOrigins());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }

        TokenDesk opened = TokenDesk.open(config, java.time.Clock.systemUTC(), cli.env(), Actor.CLI);
        ApiServer server = new ApiServer(opened, cors);
        try {
            server.start();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }

        // On Ctrl+C or SIGTERM: let requests in flight finish, flush pending writes, close the database, release this thread.
        CountDownLatch stopped = new CountDownLatch(1);
        StopSignals.onStop(() -> {
            server.stop();
            opened.close();
            stopped.countDown();
        });

        spec.commandLine().getOut().println("TokenDesk API listening on " + server.baseUrl());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
