package dev.tokendesk.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends a request byte for byte, for header forms that HTTP clients normalise away. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code GET path} with the given raw header lines and returns the status code and the whole response. */
    static Result get(int port, String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        Result result = send(port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (result.status() < 0) {
            throw new UncheckedIOException(new IOException("The server closed the connection without a response"));
        }
        return result;
    }

    /**
     * Sends {@code request} as it is and reads until the server closes the connection. The status
     * is -1 when the server closed or reset the connection before sending a status line.
     */
    static Result send(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10000);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (java.net.SocketException e) {
                // The server responded and closed before reading everything; its response may still be readable.
            }
            try {
                socket.getInputStream().transferTo(response);
            } catch (java.net.SocketException e) {
                // A reset after the server rejected the request; whatever arrived before it still counts.
            }
            String text = response.toString(StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Result(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int status, String text) {

        /** Returns the first value of header {@code name}, or null. */
        String header(String name) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            return null;
        }

        /** Returns the body after the blank line that ends the headers, or an empty string. */
        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
