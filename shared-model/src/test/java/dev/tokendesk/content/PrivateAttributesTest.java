package dev.tokendesk.content;

import static dev.tokendesk.content.EntryValidationTest.json;
import static dev.tokendesk.content.GadgetSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestDesks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateAttributesTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private TokenDesk desk;
    private ContentService content;

    @BeforeEach
    void openDesk() {
        desk = TestDesks.open(dataDir);
        content = desk.content();
        content.importSchemas(GadgetSchema.write(work));
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void createLeavesOutPrivateAndPassword() {
        ObjectNode created = content.create(GADGET, json("{\"name\": \"Widget\", \"secret\": \"open-sesame\", \"notes\": \"internal\"}"));

        assertThat(created.has("secret")).isFalse();
        assertThat(created.has("notes")).isFalse();
        assertThat(created.toString()).doesNotContain("open-sesame");
        assertThat(created.toString()).doesNotContain("internal");
    }

    @Test
    void listAndFindLeaveOutPrivateAndPassword() {
        ObjectNode created = content.create(GADGET, json("{\"name\": \"Widget\", \"secret\": \"open-sesame\", \"notes\": \"internal\"}"));

        ObjectNode listed = content.list(GADGET, 1, 10).entries().get(0);
        ObjectNode found = content.find(GADGET, created.get("documentId").asText()).orElseThrow();

        assertThat(listed.has("secret")).isFalse();
        assertThat(listed.has("notes")).isFalse();
        assertThat(found.has("secret")).isFalse();
        assertThat(found.has("notes")).isFalse();
    }

    @Test
    void passwordIsStoredOnlyAsHash() throws SQLException {
        content.create(GADGET, json("{\"name\": \"Widget\", \"secret\": \"open-sesame\"}"));

        String stored;
        try (Connection connection = desk.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT data FROM content_entries")) {
            rows.next();
            stored = rows.getString(1);
        }

        assertThat(stored).doesNotContain("open-sesame");
        assertThat(stored).contains("\"secret\":\"$argon2id$");
    }

    @Test
    void importedUserTypeMarksPasswordAndTokensHidden() {
        content.importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("food")));

        ContentTypeView user = content.findType(ContentTypeView.USER_TYPE_UID).orElseThrow();

        assertThat(user.pluginManaged()).isTrue();
        assertThat(user.attribute("password").orElseThrow().isReturned()).isFalse();
        assertThat(user.attribute("resetPasswordToken").orElseThrow().isReturned()).isFalse();
        assertThat(user.attribute("confirmationToken").orElseThrow().isReturned()).isFalse();
        assertThat(user.attribute("username").orElseThrow().isReturned()).isTrue();
    }
}
