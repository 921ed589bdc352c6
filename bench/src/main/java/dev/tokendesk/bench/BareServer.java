package dev.tokendesk.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The upper bound for the load benchmark: Undertow sending, for each path, bytes captured from
 * the real server, from memory, with no authentication or database. Each file {@code NAME.body}
 * in the folder is served at {@code /NAME} with the status in {@code NAME.status}.
 *
 * <p>Usage: {@code java -cp bench.jar dev.tokendesk.bench.BareServer FOLDER PORT}
 */
public final class BareServer {

    private BareServer() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Map<String, byte[]> bodies = new HashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".body")).toList()) {
                String name = file.getFileName().toString().replace(".body", "");
                bodies.put("/" + name, Files.readAllBytes(file));
                statuses.put("/" + name, Integer.parseInt(Files.readString(folder.resolve(name + ".status")).strip()));
            }
        }
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(exchange -> {
                    byte[] body = bodies.get(exchange.getRequestPath());
                    if (body == null) {
                        exchange.setStatusCode(404);
                        exchange.endExchange();
                        return;
                    }
                    exchange.setStatusCode(statuses.get(exchange.getRequestPath()));
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
                    exchange.getResponseSender().send(ByteBuffer.wrap(body));
                })
                .build();
        server.start();
        System.out.println("Bare server listening on http://127.0.0.1:" + port);
    }
}
