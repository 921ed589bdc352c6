package dev.tokendesk.content;

import static dev.tokendesk.content.GadgetSchema.GADGET;
import static dev.tokendesk.content.GadgetSchema.MAKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.testing.TestDesks;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

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
    void createStoresEveryAttributeType() {
        ObjectNode maker = content.create(MAKER, json("{\"name\": \"Acme\"}"));
        ObjectNode other = content.create(MAKER, json("{\"name\": \"Globex\"}"));
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        ObjectNode gadget = content.create(GADGET, json("""
                {"name": "Widget", "code": "WID", "slug": "widget-1", "contact": "sales@example.com", "size": "small",
                 "count": 7, "serial": "9007199254740993", "price": 12.50, "weight": 0.44, "releasedOn": "2024-02-29",
                 "releasedAt": "2024-05-01T10:00:00.000Z", "opensAt": "09:30:00.000", "specs": {"volts": [110, 230.0]},
                 "description": "# Widget", "body": [{"type": "paragraph", "children": [{"type": "text", "text": "Hi"}]}],
                 "maker": %d, "owner": "%s", "related": [{"documentId": "%s"}, %d],
                 "part": {"label": "bolt", "quantity": 2}, "parts": [{"label": "nut"}],
                 "sections": [{"__component": "parts.part", "label": "washer"}], "photo": 4, "gallery": [4, {"id": 5}],
                 "editor": "<p>Hi</p>"}
                """.formatted(maker.get("id").asLong(), alice.documentId(), other.get("documentId").asText(), maker.get("id").asLong())));

        assertThat(gadget.get("count").toString()).isEqualTo("7");
        assertThat(gadget.get("serial").asText()).isEqualTo("9007199254740993");
        assertThat(gadget.get("price").toString()).isEqualTo("12.50");
        assertThat(gadget.get("weight").toString()).isEqualTo("0.44");
        assertThat(gadget.get("active").asBoolean()).isTrue();
        assertThat(gadget.get("specs").toString()).isEqualTo("{\"volts\":[110,230.0]}");
        assertThat(gadget.get("maker").asText()).isEqualTo(maker.get("documentId").asText());
        assertThat(gadget.get("owner").asText()).isEqualTo(alice.documentId());
        assertThat(gadget.get("related").get(0).asText()).isEqualTo(other.get("documentId").asText());
        assertThat(gadget.get("related").get(1).asText()).isEqualTo(maker.get("documentId").asText());
        assertThat(gadget.get("part").get("label").asText()).isEqualTo("bolt");
        assertThat(gadget.get("sections").get(0).get("__component").asText()).isEqualTo("parts.part");
        assertThat(gadget.get("gallery").toString()).isEqualTo("[4,{\"id\":5}]");
        assertThat(gadget.get("editor").asText()).isEqualTo("<p>Hi</p>");
        assertThat(content.find(GADGET, gadget.get("documentId").asText())).contains(gadget);
    }

    @Test
    void createReportsEveryFailingField() {
        JsonNode data = json("""
                {"name": "ab", "code": "abcd", "slug": "has space", "contact": "not-an-email", "size": "medium",
                 "count": 101, "serial": "12x", "price": -1, "weight": "1.5", "active": "yes",
                 "releasedOn": "2024-02-30", "releasedAt": "2024-05-01T10:00:00", "opensAt": "25:00",
                 "secret": "short", "body": [{"text": "x"}], "maker": "nope", "part": "bolt", "parts": [{"quantity": 1}],
                 "sections": [{"__component": "other.thing"}], "photo": "pic.png", "gallery": {"id": 1}, "colour": "red",
                 "editor": 5}
                """);

        Map<String, String> errors = errorsOf(() -> content.create(GADGET, data));

        assertThat(errors).containsEntry("data.name", "name must be at least 3 characters long, not 2");
        assertThat(errors).containsEntry("data.code", "code must match the pattern ^[A-Z]{3}$");
        assertThat(errors).containsEntry("data.slug", "slug may contain only letters, digits and - _ . ~");
        assertThat(errors).containsEntry("data.contact", "contact must be a valid email address, not 'not-an-email'");
        assertThat(errors).containsEntry("data.size", "size must be one of small, large, not 'medium'");
        assertThat(errors).containsEntry("data.count", "count must be less than or equal to 100");
        assertThat(errors).containsEntry("data.serial", "serial must be an integer, written as a string of digits or as a number, not a string");
        assertThat(errors).containsEntry("data.price", "price must be greater than or equal to 0");
        assertThat(errors).containsEntry("data.weight", "weight must be a number, not a string");
        assertThat(errors).containsEntry("data.active", "active must be true or false, not a string");
        assertThat(errors).containsEntry("data.releasedOn", "releasedOn must be a date in the format YYYY-MM-DD, not '2024-02-30'");
        assertThat(errors).containsEntry("data.releasedAt", "releasedAt must be a date and time in ISO 8601 format with a time zone, "
                + "such as 2024-05-01T10:00:00.000Z, not '2024-05-01T10:00:00'");
        assertThat(errors).containsEntry("data.opensAt", "opensAt must be a time in the format HH:mm, HH:mm:ss or HH:mm:ss.SSS, not '25:00'");
        assertThat(errors).containsEntry("data.secret", "secret must be at least 6 characters long, not 5");
        assertThat(errors).containsEntry("data.body[0]", "body must contain only blocks: objects with a string type");
        assertThat(errors).containsEntry("data.maker", "maker refers to documentId 'nope', but no api::maker.maker entry has it");
        assertThat(errors).containsEntry("data.part", "part must be an object, not a string");
        assertThat(errors).containsEntry("data.parts[0].label", "label is required");
        assertThat(errors).containsEntry("data.sections[0].__component", "sections allows only the components parts.part, not 'other.thing'");
        assertThat(errors).containsEntry("data.photo", "photo must be a media file id or object, not a string");
        assertThat(errors).containsEntry("data.gallery", "gallery must be an array of media file ids or objects, not an object");
        assertThat(errors).containsEntry("data.colour", "colour is not an attribute of api::gadget.gadget");
        assertThat(errors).containsEntry("data.editor", "editor must be a string, not an integer");
        assertThat(errors).hasSize(23);
        assertThat(content.list(GADGET, 1, 10).total()).isZero();
    }

    @Test
    void requiredRejectsMissingAndNull() {
        Map<String, String> missing = errorsOf(() -> content.create(GADGET, json("{}")));
        Map<String, String> nulled = errorsOf(() -> content.create(GADGET, json("{\"name\": null}")));

        assertThat(missing).containsExactly(Map.entry("data.name", "name is required"));
        assertThat(nulled).containsExactly(Map.entry("data.name", "name is required"));
        assertThat(content.list(GADGET, 1, 10).total()).isZero();
    }

    @Test
    void integerRejectsStringAndDecimal() {
        Map<String, String> text = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Widget\", \"count\": \"12\"}")));
        Map<String, String> decimal = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Widget\", \"count\": 12.0}")));

        assertThat(text).containsExactly(Map.entry("data.count", "count must be an integer, not a string"));
        assertThat(decimal).containsExactly(Map.entry("data.count", "count must be an integer, not a decimal number"));
    }

    @Test
    void integerRejectsValueBeyond32Bits() {
        Map<String, String> errors = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Widget\", \"count\": 2147483648}")));

        assertThat(errors).containsExactly(Map.entry("data.count", "count must be between -2147483648 and 2147483647"));
    }

    @Test
    void bigIntegerAcceptsStringAndNumber() {
        ObjectNode text = content.create(GADGET, json("{\"name\": \"Widget\", \"serial\": \"-9223372036854775808\"}"));
        ObjectNode number = content.create(GADGET, json("{\"name\": \"Gizmo\", \"serial\": 9223372036854775807}"));
        Map<String, String> tooLarge = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Doohickey\", \"serial\": \"9223372036854775808\"}")));

        assertThat(text.get("serial").asText()).isEqualTo("-9223372036854775808");
        assertThat(number.get("serial").toString()).isEqualTo("9223372036854775807");
        assertThat(tooLarge).containsExactly(Map.entry("data.serial",
                "serial must be between -9223372036854775808 and 9223372036854775807"));
    }

    @Test
    void nonObjectDataIsRejected() {
        Map<String, String> errors = errorsOf(() -> content.create(GADGET, json("[1, 2]")));

        assertThat(errors).containsExactly(Map.entry("data", "data must be a JSON object, not an array"));
    }

    @Test
    void uniqueRejectsSecondEntryWithValue() {
        content.create(GADGET, json("{\"name\": \"Widget\", \"code\": \"WID\"}"));

        Map<String, String> errors = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Gizmo\", \"code\": \"WID\"}")));

        assertThat(errors).containsExactly(Map.entry("data.code",
                "code must be unique, but another api::gadget.gadget entry already has this value"));
        assertThat(content.list(GADGET, 1, 10).total()).isEqualTo(1);
    }

    @Test
    void uniqueIgnoresNullValues() {
        content.create(GADGET, json("{\"name\": \"Widget\", \"code\": null}"));
        content.create(GADGET, json("{\"name\": \"Gizmo\"}"));

        assertThat(content.list(GADGET, 1, 10).total()).isEqualTo(2);
    }

    @Test
    void relationAcceptsUserById() {
        UserView alice = desk.users().create(new NewUser("alice", "alice@example.com", "Alice-Pass-1", null));

        ObjectNode gadget = content.create(GADGET, json("{\"name\": \"Widget\", \"owner\": " + alice.id() + "}"));

        assertThat(gadget.get("owner").asText()).isEqualTo(alice.documentId());
    }

    @Test
    void relationRejectsUnknownUser() {
        Map<String, String> errors = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Gizmo\", \"owner\": 999}")));

        assertThat(errors).containsExactly(Map.entry("data.owner",
                "owner refers to id 999, but no plugin::users-permissions.user entry has it"));
    }

    @Test
    void relationTargetsBeyondLimitAreRejected() {
        ObjectNode maker = content.create(MAKER, json("{\"name\": \"Acme\"}"));
        String id = maker.get("id").asText();
        String atLimit = ("\"" + maker.get("documentId").asText() + "\",").repeat(EntryValidator.MAX_RELATION_TARGETS - 1) + id;

        ObjectNode stored = content.create(GADGET, json("{\"name\": \"Many\", \"related\": [" + atLimit + "]}"));
        Map<String, String> errors = errorsOf(() -> content.create(GADGET, json("{\"name\": \"Too many\", \"related\": [" + atLimit + ","
                + id + "]}")));

        assertThat(stored.get("related")).hasSize(EntryValidator.MAX_RELATION_TARGETS);
        assertThat(errors).containsExactly(Map.entry("data.related",
                "related brings the relation targets of this entry to 1001, more than the maximum of 1000"));
    }

    @Test
    void singleTypeAcceptsOneEntry() {
        content.create("api::home.home", json("{\"title\": \"Welcome\"}"));

        assertThatThrownBy(() -> content.create("api::home.home", json("{\"title\": \"Again\"}")))
                .isInstanceOf(ConflictException.class);
        assertThat(content.list("api::home.home", 1, 10).total()).isEqualTo(1);
    }

    @Test
    void unknownTypeIsNotFound() {
        assertThatThrownBy(() -> content.create("api::nothing.nothing", json("{}")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> content.list("api::nothing.nothing", 1, 10))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listRejectsInvalidPaging() {
        assertThatThrownBy(() -> content.list(GADGET, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> content.list(GADGET, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> content.list(GADGET, 1, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listPagesInIdOrder() {
        for (String name : new String[] {"Alpha", "Bravo", "Charlie", "Delta", "Echo"}) {
            content.create(GADGET, json("{\"name\": \"" + name + "\"}"));
        }

        EntryPage second = content.list(GADGET, 2, 2);
        EntryPage beyond = content.list(GADGET, 9, 2);

        assertThat(second.entries()).extracting(entry -> entry.get("name").asText()).containsExactly("Charlie", "Delta");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.pageCount()).isEqualTo(3);
        assertThat(beyond.entries()).isEmpty();
    }

    private static Map<String, String> errorsOf(Runnable create) {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThatThrownBy(create::run).isInstanceOfSatisfying(ValidationException.class,
                e -> e.errors().forEach(error -> errors.put(error.path(), error.message())));
        return errors;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
