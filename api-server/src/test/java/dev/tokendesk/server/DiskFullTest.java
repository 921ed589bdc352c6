package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokendesk.server.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a small tmpfs that the test fills up. Mounting needs root, so on a
 * machine where the mount fails the tests are skipped with the reason.
 */
@Tag("h2-only")
class DiskFullTest {

    @TempDir
    Path work;

    private Path mountPoint;
    private Path filler;
    private TestServer api;
    private ApiFixture fixture;

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        mountPoint = Files.createDirectory(work.resolve("small"));
        int mounted = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mountPoint.toString());
        assumeTrue(mounted == 0, "mounting a tmpfs needs root; mount exited with " + mounted);
        api = new TestServer(mountPoint.resolve("data"));
        fixture = new ApiFixture(api.desk);
        filler = mountPoint.resolve("filler");
    }

    @AfterEach
    void unmount() throws Exception {
        if (api != null) {
            api.close();
        }
        if (mountPoint != null) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private void fillDisk() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 2048; i++) {
                out.write(block);
            }
        } catch (IOException e) {
            // "No space left on device": the file system is full, which is the point.
            return;
        }
        throw new IllegalStateException("The 64 MB file system did not fill up with 128 MB");
    }

    private TestServer.Response create(String name) {
        return api.postJson("/api/restaurants", "{\"data\":{\"name\":\"" + name + "\",\"seats\":3}}", "Authorization", "Bearer " + fixture.tokenB);
    }

    @Test
    void fullDiskRejectsWritesWith503() throws IOException {
        fillDisk();

        TestServer.Response write = create("Full Disk Diner");
        TestServer.Response read = api.get("/api/restaurants");
        TestServer.Response login = api.postJson("/api/auth/local",
                "{\"identifier\":\"alice\",\"password\":\"" + ApiFixture.ALICE_PASSWORD + "\"}");
        Files.delete(filler);
        TestServer.Response writeAfterFreeing = create("Room Again");
        TestServer.Response readAfterFreeing = api.get("/api/restaurants?pagination[pageSize]=100");

        assertThat(write.status()).as(write.body()).isEqualTo(503);
        assertThat(write.json().at("/error/name").asText()).isEqualTo("ServiceUnavailableError");
        assertThat(write.json().at("/error/message").asText()).contains("the disk is full");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/data").size()).isEqualTo(ApiFixture.NAMES.length);
        assertThat(login.status()).as(login.body()).isEqualTo(503);
        assertThat(writeAfterFreeing.status()).as(writeAfterFreeing.body()).isBetween(200, 201);
        assertThat(readAfterFreeing.body()).contains("Room Again").doesNotContain("Full Disk Diner");
    }

    @Test
    void failedWriteCorruptsNothing() throws IOException {
        fillDisk();
        RuntimeException failedWrite = null;
        try {
            api.desk.content().create(ApiFixture.RESTAURANT, Json.MAPPER.createObjectNode().put("name", "Past The Check"));
        } catch (RuntimeException e) {
            failedWrite = e;
        }
        TestServer.Response readWhileFull = api.get("/api/restaurants");
        Files.delete(filler);
        closeQuietly();

        api = new TestServer(mountPoint.resolve("data"));
        TestServer.Response readAfterRestart = api.get("/api/restaurants?pagination[pageSize]=100");
        TestServer.Response writeAfterRestart = create("Room Again");

        assertThat(failedWrite).isNotNull();
        assertThat(readWhileFull.status()).as(readWhileFull.body()).isEqualTo(503);
        assertThat(readWhileFull.json().at("/error/message").asText()).contains("the disk is full");
        assertThat(readAfterRestart.status()).as(readAfterRestart.body()).isEqualTo(200);
        assertThat(readAfterRestart.json().at("/data").size()).isEqualTo(ApiFixture.NAMES.length);
        assertThat(readAfterRestart.body()).doesNotContain("Past The Check");
        assertThat(writeAfterRestart.status()).as(writeAfterRestart.body()).isBetween(200, 201);
    }

    /** Closes the server whose database H2 closed after the failed write; the final flush is expected to fail. */
    private void closeQuietly() {
        try {
            api.close();
        } catch (RuntimeException e) {
            // The pending last-used times cannot be written to a closed database.
        }
        api = null;
    }
}
