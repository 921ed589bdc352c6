package dev.tokendesk.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the requests of {@link HttpFuzzTest} from a random source: mostly plausible API calls
 * with one or more hostile parts (query, headers, body, method, path), and a share of raw requests
 * that are not valid HTTP. Secrets appear only where the server must not repeat them: credentials,
 * query values that are rejected or only compared, and the login password. Thread-safe: all state
 * is in the random source passed to {@link #generate}.
 */
final class RequestGenerator {

    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"};
    private static final String[] ODD_METHODS = {"TRACE", "CONNECT", "PROPFIND", "get", "G_T", "X".repeat(300), "MKCOL"};
    private static final String[] ROOTS = {"filters", "sort", "pagination", "fields", "populate", "status", "locale", "token", "x", ""};
    private static final String[] KEYS = {"name", "seats", "secretNote", "owner", "id", "documentId", "createdAt", "code", "blob", "num",
        "big", "$eq", "$ne", "$in", "$notIn", "$lt", "$lte", "$gt", "$between", "$contains", "$containsi", "$startsWith", "$null",
        "$notNull", "$and", "$or", "$not", "$foo", "page", "pageSize", "start", "limit", "withCount", "0", "1", "", "99", "100",
        "99999999999", "-1", "*", "username", "password", "email", "ﬁlters", "nаme", "\u0000", "\uD83D\uDE00"};
    private static final String[] VALUES = {"1", "0", "-1", "true", "false", "*", "name:desc", "name:asc,seats:DESC", "name:up", ",",
        "", " ", "draft", "published", "2147483648", "-9223372036854775809", "9".repeat(400), "1e309", "NaN", "0x1F", "１", "٣",
        "2026-02-30T25:61:00Z", "\u0000", "a\u202Eb", "\u0430dmin", "Chez Marie", "%", "'; DROP TABLE entries; --", "\\", "\"", "[]",
        "{}", "x".repeat(3000)};

    private final FuzzSecrets secrets;
    private final String documentId;

    RequestGenerator(FuzzSecrets secrets, String documentId) {
        this.secrets = secrets;
        this.documentId = documentId;
    }

    FuzzSecrets secrets() {
        return secrets;
    }

    FuzzRequest generate(SplittableRandom random) {
        if (random.nextInt(100) < 12) {
            return malformed(random);
        }
        String method = pick(random, METHODS);
        String path = path(random);
        String query = query(random);
        List<Map.Entry<String, String>> headers = headers(random, method);
        byte[] body = method.equals("POST") || method.equals("PUT") || random.nextInt(20) == 0 ? body(random, path) : null;
        boolean raw = random.nextInt(100) < 8;
        return new FuzzRequest(method, path + query, headers, body, raw, false, null);
    }

    private String path(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0, 1, 2, 3 -> "/api/restaurants";
            case 4 -> "/api/restaurants/" + documentId;
            case 5 -> "/api/restaurants/" + pick(random, new String[] {"1", "0", "-1", "%00", "%2e%2e", "a%2Fb", secrets.tokenA(),
                "%E2%80%AE", "x".repeat(200)});
            case 6, 7 -> "/api/gadgets";
            case 8, 9 -> "/api/auth/local";
            case 10 -> "/api/users/me";
            case 11 -> "/api/openapi.json";
            case 12 -> "/_health";
            case 13 -> pick(random, new String[] {"/", "/api", "/api/", "//api//restaurants", "/api/restaurants/", "/api/./restaurants",
                "/api/../_health", "/API/RESTAURANTS", "/api/restaurants/a/b", "/api/%72estaurants", "/api/r%C3%A9sum%C3%A9",
                "/api/%F0%9F%98%80", "/api/%C3%28", "/api/%ED%A0%80"});
            case 14 -> "/api/" + percentEncode(randomText(random, 12));
            default -> "/api/restaurants/" + "a".repeat(random.nextInt(9000));
        };
    }

    private String query(SplittableRandom random) {
        int count = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 6);
        if (count == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder(pick(random, ROOTS));
            int depth = random.nextInt(12) == 0 ? 15 + random.nextInt(10) : random.nextInt(4);
            for (int level = 0; level < depth; level++) {
                name.append('[').append(pick(random, KEYS)).append(']');
            }
            if (random.nextInt(30) == 0) {
                name.append(pick(random, new String[] {"[", "]", "x", "[a"}));
            }
            String value = switch (random.nextInt(12)) {
                case 0 -> secrets.tokenA();
                case 1 -> "Bearer " + secrets.jwt();
                case 2 -> randomText(random, 20);
                default -> pick(random, VALUES);
            };
            String encodedName = random.nextBoolean() ? percentEncode(name.toString()) : encodeKeepingBrackets(name.toString());
            parts.add(random.nextInt(15) == 0 ? encodedName : encodedName + "=" + percentEncode(value));
        }
        return "?" + String.join("&", parts);
    }

    private List<Map.Entry<String, String>> headers(SplittableRandom random, String method) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        switch (random.nextInt(12)) {
            case 0, 1, 2 -> headers.add(Map.entry("Authorization", "Bearer " + secrets.tokenA()));
            case 3 -> headers.add(Map.entry("Authorization", "Bearer " + secrets.tokenB()));
            case 4 -> headers.add(Map.entry("Authorization", "Bearer " + secrets.jwt()));
            case 5 -> headers.add(Map.entry("Authorization", mangle(random, "Bearer " + secrets.tokenA())));
            case 6 -> headers.add(Map.entry("Authorization", mangle(random, "Bearer " + secrets.jwt())));
            case 7 -> headers.add(Map.entry("Authorization", pick(random, new String[] {"Basic YWxpY2U6eA==", "Bearer", "Bearer  ",
                "bearer " + secrets.tokenB(), "Bearer " + secrets.tokenA() + " " + secrets.tokenB(), "Token " + secrets.tokenA(),
                "Bearer tdk_", "Bearer eyJ.eyJ.", "Bearer " + "A".repeat(2000)})));
            case 8 -> {
                headers.add(Map.entry("Authorization", "Bearer " + secrets.tokenA()));
                headers.add(Map.entry("Authorization", "Bearer " + secrets.jwt()));
            }
            default -> {
            }
        }
        if (method.equals("POST") || method.equals("PUT") || random.nextInt(10) == 0) {
            headers.add(Map.entry("Content-Type", pick(random, new String[] {"application/json", "application/json", "application/json",
                "application/json; charset=utf-8", "application/vnd.api+json", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", ";", "application/json\u00a0"})));
        }
        if (random.nextInt(8) == 0) {
            headers.add(Map.entry("Origin", pick(random, new String[] {"http://localhost:3000", "http://evil.example", "null", "http://127.0.0.1:*",
                "http://localhost:3000/path", "http://[::1]:80", "http://localhost:99999"})));
            if (method.equals("OPTIONS")) {
                headers.add(Map.entry("Access-Control-Request-Method", "POST"));
            }
        }
        if (random.nextInt(10) == 0) {
            headers.add(Map.entry("X-Fuzz-" + random.nextInt(1000), "v".repeat(random.nextInt(20_000))));
        }
        if (random.nextInt(20) == 0) {
            for (int i = 0, extra = 90 + random.nextInt(30); i < extra; i++) {
                headers.add(Map.entry("X-Many-" + i, Integer.toString(i)));
            }
        }
        return headers;
    }

    private byte[] body(SplittableRandom random, String path) {
        String text = switch (random.nextInt(14)) {
            case 0, 1, 2 -> "{\"data\":{\"name\":" + jsonString(pick(random, VALUES)) + ",\"seats\":" + pick(random, new String[] {"1", "-5",
                "2147483648", "1.5", "\"12\"", "null", "[]", "1e400"}) + "}}";
            case 3 -> "{\"data\":{\"code\":" + jsonString(randomText(random, 8)) + ",\"blob\":" + nested(random) + ",\"num\":"
                    + pick(random, new String[] {"0.1", "1e999999999", "-0", "9".repeat(1200), "\"x\""}) + ",\"big\":"
                    + pick(random, new String[] {"\"9223372036854775807\"", "\"9223372036854775808\"", "1", "\"007\""}) + "}}";
            case 4 -> "{\"identifier\":\"alice\",\"password\":" + jsonString(random.nextInt(4) == 0 ? secrets.password() : "wrong-"
                    + random.nextInt(1000)) + "}";
            case 5 -> "{\"identifier\":" + jsonString(pick(random, new String[] {"alice", "ALICE", "аlice", "alice@example.com", "",
                "a".repeat(300), "\u0000"})) + ",\"password\":" + jsonString(secrets.password() + pick(random, new String[] {"", " ", "x"}))
                    + ",\"password\":\"dup\"}";
            case 6 -> "{\"data\":" + "[".repeat(random.nextInt(3000)) + "}";
            case 7 -> "{\"data\":{\"name\":\"a\",\"name\":\"b\"}}";
            case 8 -> "{\"data\":{\"owner\":{\"connect\":[" + "1,".repeat(random.nextInt(3000)) + "1]},\"name\":\"rel\"}}";
            case 9 -> "{\"data\":null}";
            case 10 -> "[1,2,3]";
            case 11 -> "";
            case 12 -> "{\"password\":" + jsonString(secrets.password()) + ",";
            default -> randomText(random, 200);
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        if (random.nextInt(200) == 0) {
            bytes = ("{\"data\":{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** Returns a request that is not valid HTTP, always sent over a raw socket. */
    private FuzzRequest malformed(SplittableRandom random) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String prefix = null;
        String method = "GET";
        String target = "/api/restaurants";
        switch (random.nextInt(10)) {
            case 0 -> prefix = pick(random, new String[] {"GET", "GET /", "GET / HTTP/9.9", "/ HTTP/1.1", "GET  / HTTP/1.1", "GET / HTTP/1.1 x",
                "\u0000\u0001\u0002", "GET /\u0000 HTTP/1.1", "GET http://evil.example/ HTTP/1.1", "GET * HTTP/1.1", "PRI * HTTP/2.0"});
            case 1 -> method = pick(random, ODD_METHODS);
            case 2 -> target = "/api/restaurants?" + pick(random, new String[] {"a=%zz", "a=%", "%=1", "a=%c3%28", "a=%ed%a0%80", "a=%00",
                "filters[name]=%F0%9F", "a=b=c", "&&&", "a=1&&b", "%5B=1"}) + "&token=" + secrets.tokenA();
            case 3 -> target = "/api/restaurants/" + pick(random, new String[] {"é", "\u00ff", "a b", "\t", "%", "%%41", "\u202E"});
            case 4 -> headers.add(Map.entry("Bad Header", "1"));
            case 5 -> headers.add(Map.entry("Authorization", "Bearer " + secrets.tokenA() + "\u0000"));
            case 6 -> headers.add(Map.entry("X-Folded", "a\r\n continued"));
            case 7 -> {
                headers.add(Map.entry("Content-Length", "5"));
                headers.add(Map.entry("Content-Length", "6"));
            }
            case 8 -> headers.add(Map.entry("Transfer-Encoding", pick(random, new String[] {"chunked, identity", "gzip", "chunked\u0000"})));
            default -> headers.add(Map.entry("X-Huge", "h".repeat(100_000 + random.nextInt(50_000))));
        }
        return new FuzzRequest(method, target, headers, null, true, true, prefix);
    }

    private String nested(SplittableRandom random) {
        int depth = random.nextInt(100);
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private String mangle(SplittableRandom random, String text) {
        char[] chars = text.toCharArray();
        int position = 7 + random.nextInt(chars.length - 7);
        chars[position] = (char) (random.nextBoolean() ? 'A' + random.nextInt(26) : 0x21 + random.nextInt(0x5d));
        return new String(chars);
    }

    private static String randomText(SplittableRandom random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = random.nextInt(maxLength + 1); i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 8) {
                text.append((char) random.nextInt(0x20));
            } else {
                text.appendCodePoint(0xA0 + random.nextInt(0x2FF00));
            }
        }
        return text.toString();
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** Percent-encodes like {@link #percentEncode} but with lowercase hex digits for brackets, which the server must decode alike. */
    private static String encodeKeepingBrackets(String text) {
        return percentEncode(text).replace("%5B", "%5b").replace("%5D", "%5d");
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
