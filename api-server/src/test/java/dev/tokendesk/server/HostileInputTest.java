package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input crafted to hurt the server: oversized, deeply nested, duplicated, misplaced secrets. */
class HostileInputTest {

    private static final String GADGET = "api::gadget.gadget";

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;
    private String auth;

    @BeforeEach
    void start() throws URISyntaxException {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
        api.desk.content().importSchemas(Path.of(HostileInputTest.class.getResource("/schemas/gadget/schema.json").toURI()));
        api.desk.roles().grant("Authenticated", Set.of(new Permission(GADGET, Action.FIND), new Permission(GADGET, Action.CREATE)));
        auth = "Bearer " + fixture.tokenA;
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TestServer.Response create(String data) {
        return api.postJson("/api/gadgets", "{\"data\":" + data + "}", "Authorization", auth);
    }

    @Test
    void deeplyNestedJsonIsRejected() {
        int depth = 200;
        TestServer.Response response = create("{\"code\":\"deep\",\"blob\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        TestServer.Response list = api.get("/api/gadgets", "Authorization", auth);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/errors/0/path").toString()).isEqualTo("[\"data\",\"blob\"]");
        assertThat(response.json().at("/error/message").asText()).contains("nested deeper than 64");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("data")).isEmpty();
    }

    @Test
    void nestingAtLimitIsStoredAndListed() {
        int depth = 64;
        TestServer.Response response = create("{\"code\":\"ok\",\"blob\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        TestServer.Response list = api.get("/api/gadgets", "Authorization", auth);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("data")).hasSize(1);
    }

    @Test
    void nulCharactersNeverCause500() {
        TestServer.Response byDocumentId = api.get("/api/restaurants/%00", "Authorization", auth);
        TestServer.Response inFilter = api.get("/api/restaurants?filters%5Bname%5D%5B%24eq%5D=a%00b", "Authorization", auth);
        TestServer.Response inBody = api.postJson("/api/restaurants", "{\"data\":{\"name\":\"a\\u0000b\",\"seats\":3}}",
                "Authorization", auth);

        assertThat(byDocumentId.status()).as(byDocumentId.toString()).isIn(400, 404);
        assertThat(inFilter.status()).as(inFilter.toString()).isIn(200, 400);
        assertThat(inBody.status()).as(inBody.toString()).isIn(201, 400);
    }

    @Test
    void hugeNumbersAreRejected() {
        TestServer.Response exponent = create("{\"num\":1e999999999}");
        TestServer.Response nested = create("{\"blob\":{\"x\":[1e-10000]}}");
        TestServer.Response longDigits = create("{\"big\":\"" + "7".repeat(1_000_000) + "\"}");
        TestServer.Response longNumber = create("{\"num\":" + "9".repeat(5000) + "}");

        assertThat(exponent.status()).isEqualTo(400);
        assertThat(exponent.json().at("/error/details/errors/0/path/1").asText()).isEqualTo("num");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().at("/error/details/errors/0/path/1").asText()).isEqualTo("blob");
        assertThat(longDigits.status()).isEqualTo(400);
        assertThat(longDigits.json().at("/error/message").asText()).contains("must be between");
        assertThat(longNumber.status()).isEqualTo(400);
        assertThat(longNumber.json().at("/error/message").asText()).contains("too large to process");
    }

    @Test
    void undecodableBodyIs400() {
        byte[] head = ("POST /api/gadgets HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: " + auth
                + "\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] utf32 = {0, 0, 0, '"', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '"'};
        byte[] request = java.util.Arrays.copyOf(head, head.length + utf32.length);
        System.arraycopy(utf32, 0, request, head.length, utf32.length);

        RawHttp.Result result = RawHttp.send(api.server.port(), request);

        assertThat(result.status()).as(result.text()).isEqualTo(400);
        assertThat(result.body()).contains("are not UTF-8, UTF-16 or UTF-32 text");
    }

    @Test
    void uniqueStringsCompareAsText() {
        TestServer.Response seven = create("{\"code\":\"7\"}");
        TestServer.Response leadingZeros = create("{\"code\":\"007\"}");
        TestServer.Response again = create("{\"code\":\"7\"}");

        assertThat(seven.status()).isEqualTo(201);
        assertThat(leadingZeros.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void duplicateKeysAreRejected() {
        TestServer.Response entry = create("{\"code\":\"a\",\"code\":\"b\"}");
        TestServer.Response login = api.postJson("/api/auth/local",
                "{\"identifier\":\"alice\",\"password\":\"x\",\"password\":\"" + ApiFixture.ALICE_PASSWORD + "\"}");

        assertThat(entry.status()).isEqualTo(400);
        assertThat(entry.json().at("/error/message").asText()).contains("Duplicate field 'code'");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.body()).doesNotContain("jwt");
    }

    @Test
    void oversizedLoginFieldsAreRejectedEarly() {
        TestServer.Response identifier = api.postJson("/api/auth/local",
                "{\"identifier\":\"" + "a".repeat(255) + "\",\"password\":\"Alice-Pass-1\"}");
        TestServer.Response password = api.postJson("/api/auth/local",
                "{\"identifier\":\"alice\",\"password\":\"" + "p".repeat(257) + "\"}");

        assertThat(identifier.status()).isEqualTo(400);
        assertThat(identifier.json().at("/error/message").asText()).isEqualTo("identifier is longer than 254 characters");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.body()).doesNotContain("ppppp");
    }

    @Test
    void loginResponseIsNotCached() {
        TestServer.Response login = api.postJson("/api/auth/local", "{\"identifier\":\"alice\",\"password\":\"Alice-Pass-1\"}");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void misplacedTokenIsNeverEchoed() {
        String token = fixture.tokenA;
        String[] queries = {"?" + token, "?token%3D" + token, "?Token=" + token, "?token:" + token, "?pagination[page]=" + token,
                "?filters[name][$eq]=" + token + "&filters[name][$foo]=1"};

        for (String query : queries) {
            TestServer.Response response = api.get("/api/restaurants" + query, "Authorization", "Bearer " + fixture.tokenB);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).doesNotContain(token.substring(4, 49));
        }
        TestServer.Response inPath = api.get("/api/restaurants/" + token);
        List<RequestLogEntry> log = api.awaitRequestLog(queries.length + 1);

        assertThat(inPath.status()).isEqualTo(404);
        assertThat(inPath.body()).doesNotContain(token.substring(4, 49));
        assertThat(log).hasSize(queries.length + 1);
        assertThat(log).allSatisfy(entry -> assertThat(entry.toString()).doesNotContain(token.substring(4, 49)));
    }

    @Test
    void methodNotAllowedNamesAllowedMethods() {
        RawHttp.Result patch = RawHttp.send(api.server.port(), ("PATCH /api/restaurants HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Result patchEntry = RawHttp.send(api.server.port(), ("PATCH /api/restaurants/abc HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        TestServer.Response putOnList = api.putJson("/api/restaurants", "{\"data\":{}}", "Authorization", auth);
        TestServer.Response postOnHealth = api.postJson("/_health", "{}");

        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.text()).containsIgnoringCase("\r\nAllow: GET, HEAD, OPTIONS, POST\r\n");
        assertThat(patchEntry.status()).isEqualTo(405);
        assertThat(patchEntry.text()).containsIgnoringCase("\r\nAllow: DELETE, GET, HEAD, OPTIONS, PUT\r\n");
        assertThat(putOnList.status()).isEqualTo(405);
        assertThat(putOnList.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(putOnList.json().at("/error/message").asText()).contains("PUT").contains("allowed: GET, HEAD, OPTIONS, POST");
        assertThat(postOnHealth.status()).isEqualTo(405);
        assertThat(postOnHealth.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void pageNumbersAcceptOnlyAsciiDigits() {
        String[] values = {"%2B2", "%EF%BC%92", "%E0%A5%A8", "2.0", "%202x"};

        for (String value : values) {
            TestServer.Response response = api.get("/api/restaurants?pagination[page]=" + value);

            assertThat(response.status()).as(value).isEqualTo(400);
        }
    }
}
