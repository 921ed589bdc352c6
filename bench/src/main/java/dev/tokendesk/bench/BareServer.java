package dev.tokendesk.bench;

import io.undertow.Undertow;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The upper bound for the load benchmark: Undertow sending, for each path, a response captured
 * from the real server, from memory, with no authentication or database. Each file
 * {@code NAME.body} in the folder is served at {@code /NAME} with the status in
 * {@code NAME.status} and the headers in {@code NAME.headers} (one {@code Name: value} per line,
 * as {@code curl -D} writes them). Headers that Undertow sets itself (Date, Content-Length,
 * Connection) and the status line are skipped.
 *
 * <p>Usage: {@code java -cp bench.jar dev.tokendesk.bench.BareServer FOLDER PORT}
 */
public final class BareServer {

    private static final Set<String> SET_BY_UNDERTOW = Set.of("date", "content-length", "connection", "transfer-encoding");

    private BareServer() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Map<String, byte[]> bodies = new HashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        Map<String, List<String[]>> headers = new HashMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".body")).toList()) {
                String name = file.getFileName().toString().replace(".body", "");
                bodies.put("/" + name, Files.readAllBytes(file));
                statuses.put("/" + name, Integer.parseInt(Files.readString(folder.resolve(name + ".status")).strip()));
                headers.put("/" + name, readHeaders(folder.resolve(name + ".headers")));
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
                    for (String[] header : headers.get(exchange.getRequestPath())) {
                        exchange.getResponseHeaders().add(HttpString.tryFromString(header[0]), header[1]);
                    }
                    exchange.getResponseSender().send(ByteBuffer.wrap(body));
                })
                .build();
        server.start();
        System.out.println("Bare server listening on http://127.0.0.1:" + port);
    }

    private static List<String[]> readHeaders(Path file) throws IOException {
        List<String[]> headers = new ArrayList<>();
        if (!Files.exists(file)) {
            return headers;
        }
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.startsWith("HTTP/")) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (!SET_BY_UNDERTOW.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new String[] {name, line.substring(colon + 1).strip()});
            }
        }
        return headers;
    }
}
