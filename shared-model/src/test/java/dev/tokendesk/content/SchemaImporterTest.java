package dev.tokendesk.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.ValidationException;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.testing.TestDesks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaImporterTest {

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
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    @Test
    void importsWholeFoodAdvisorFolder() {
        Path project = Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor"));

        ImportReport report = content.importSchemas(project);

        assertThat(report.typesCreated()).hasSize(10);
        assertThat(report.componentsCreated()).hasSize(32);
        assertThat(content.listTypes()).hasSize(10);
        assertThat(content.listComponents()).hasSize(32);
        assertThat(report.typesCreated()).contains("api::restaurant.restaurant", "api::blog-page.blog-page",
                "plugin::users-permissions.user");
        assertThat(report.componentsCreated()).contains("shared.seo", "blocks.cta-command-line", "pricing.perks");
    }

    @Test
    void storesNamesKindAndDraftAndPublish() {
        content.importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor")));

        ContentTypeView restaurant = content.findByPluralName("restaurants").orElseThrow();
        ContentTypeView global = content.findType("global").orElseThrow();

        assertThat(restaurant.uid()).isEqualTo("api::restaurant.restaurant");
        assertThat(restaurant.kind()).isEqualTo(ContentKind.COLLECTION_TYPE);
        assertThat(restaurant.singularName()).isEqualTo("restaurant");
        assertThat(restaurant.draftAndPublish()).isTrue();
        assertThat(global.kind()).isEqualTo(ContentKind.SINGLE_TYPE);
        assertThat(global.pluralName()).isEqualTo("globals");
        assertThat(content.findByPluralName("categories").map(ContentTypeView::uid)).contains("api::category.category");
    }

    @Test
    void storesEveryAttributeTypeFoodAdvisorUses() {
        content.importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor")));

        Set<AttributeType> used = new TreeSet<>();
        content.listTypes().forEach(type -> type.attributes().forEach(attribute -> used.add(attribute.type())));
        content.listComponents().forEach(component -> component.attributes().forEach(attribute -> used.add(attribute.type())));

        assertThat(used).containsExactlyInAnyOrder(AttributeType.STRING, AttributeType.UID, AttributeType.DYNAMICZONE,
                AttributeType.COMPONENT, AttributeType.RELATION, AttributeType.TEXT, AttributeType.INTEGER,
                AttributeType.MEDIA, AttributeType.ENUMERATION, AttributeType.CUSTOM_FIELD, AttributeType.EMAIL,
                AttributeType.PASSWORD, AttributeType.BOOLEAN, AttributeType.DATETIME, AttributeType.RICHTEXT,
                AttributeType.JSON);
    }

    @Test
    void keepsAttributeOptions() {
        content.importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor")));

        ContentTypeView restaurant = content.findType("api::restaurant.restaurant").orElseThrow();
        Attribute price = restaurant.attribute("price").orElseThrow();
        Attribute images = restaurant.attribute("images").orElseThrow();
        Attribute category = restaurant.attribute("category").orElseThrow();
        Attribute blocks = restaurant.attribute("blocks").orElseThrow();
        Attribute metaDescription = content.findComponent("shared.seo").orElseThrow().attribute("metaDescription").orElseThrow();

        assertThat(restaurant.attributes().get(0).name()).isEqualTo("name");
        assertThat(price.enumValues()).containsExactly("p1", "p2", "p3", "p4");
        assertThat(price.required()).isTrue();
        assertThat(images.multiple()).isTrue();
        assertThat(category.relation()).isEqualTo(RelationKind.MANY_TO_ONE);
        assertThat(category.target()).isEqualTo("api::category.category");
        assertThat(blocks.components()).contains("restaurant.rich-content", "blocks.faq");
        assertThat(metaDescription.minLength()).isEqualTo(50);
        assertThat(metaDescription.maxLength()).isEqualTo(160);
    }

    @Test
    void findTypeMatchesUidAndNamesIgnoringCase() {
        content.importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor")));

        assertThat(content.findType("API::Place.Place").map(ContentTypeView::uid)).contains("api::place.place");
        assertThat(content.findType("Places").map(ContentTypeView::uid)).contains("api::place.place");
        assertThat(content.findType("PLACE").map(ContentTypeView::uid)).contains("api::place.place");
        assertThat(content.findType("nowhere")).isEmpty();
        assertThat(content.findByPluralName("place")).isEmpty();
    }

    @Test
    void reimportIsIdempotent() {
        Path project = Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor"));
        content.importSchemas(project);

        ImportReport again = content.importSchemas(project);

        assertThat(again.typesCreated()).isEmpty();
        assertThat(again.typesUpdated()).isEmpty();
        assertThat(again.typesUnchanged()).hasSize(10);
        assertThat(again.componentsUnchanged()).hasSize(32);
        assertThat(content.listTypes()).hasSize(10);
    }

    @Test
    void reimportUpdatesChangedType() throws IOException {
        Path project = Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor"));
        content.importSchemas(project);
        Path schema = project.resolve("api/place/content-types/place/schema.json");
        Files.writeString(schema, Files.readString(schema).replace("\"displayName\": \"place\"", "\"displayName\": \"Place to eat\""));

        ImportReport again = content.importSchemas(project);

        assertThat(again.typesUpdated()).containsExactly("api::place.place");
        assertThat(content.findType("place").map(ContentTypeView::displayName)).contains("Place to eat");
    }

    @Test
    void importsSingleSchemaFile() {
        Path countries = Fixtures.copy(Fixtures.WORLD_COUNTRIES, work.resolve("countries"));

        ImportReport report = content.importSchemas(countries.resolve("api/country/content-types/country/schema.json"));

        assertThat(report.typesCreated()).containsExactly("api::country.country");
        assertThat(content.findByPluralName("countries").map(ContentTypeView::singularName)).contains("country");
    }

    @Test
    void unsupportedTypeIsReportedAndNothingStored() throws IOException {
        Path project = Fixtures.copy(Fixtures.FOOD_ADVISOR, work.resolve("foodadvisor"));
        Path foo = Files.createDirectories(project.resolve("api/foo/content-types/foo"));
        Files.writeString(foo.resolve("schema.json"), """
                {"kind": "collectionType",
                 "info": {"singularName": "foo", "pluralName": "foos"},
                 "attributes": {"name": {"type": "string"}, "bar": {"type": "geo"}}}
                """);

        assertThatThrownBy(() -> content.importSchemas(project))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).path()).isEqualTo("api/foo/content-types/foo/schema.json");
                    assertThat(e.errors().get(0).message())
                            .isEqualTo("api/foo/content-types/foo/schema.json: attribute 'bar' has unsupported type 'geo'");
                    assertThat(e.getMessage()).contains("attribute 'bar' has unsupported type 'geo'");
                });
        assertThat(content.listTypes()).isEmpty();
        assertThat(content.listComponents()).isEmpty();
    }

    @Test
    void reportsEveryMalformedAttribute() throws IOException {
        Path file = work.resolve("broken.json");
        Files.writeString(file, """
                {"kind": "collectionType",
                 "info": {"singularName": "broken", "pluralName": "brokens"},
                 "attributes": {
                   "size": {"type": "enumeration"},
                   "owner": {"type": "relation", "relation": "morphToMany", "target": "api::x.x"},
                   "code": {"type": "string", "regex": "[a-"},
                   "count": {"type": "integer", "min": "lots"}}}
                """);

        assertThatThrownBy(() -> content.importSchemas(file))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(ValidationException.FieldError::message).containsExactlyInAnyOrder(
                            file + ": attribute 'size' of type 'enumeration': enum must be a non-empty list of strings",
                            file + ": attribute 'owner' of type 'relation' has unsupported relation 'morphToMany'",
                            file + ": attribute 'code' of type 'string': regex '[a-' is not a valid regular expression",
                            file + ": attribute 'count' of type 'integer': min must be a number");
                });
        assertThat(content.listTypes()).isEmpty();
    }

    @Test
    void missingComponentIsReported() throws IOException {
        Path file = work.resolve("page.json");
        Files.writeString(file, """
                {"kind": "singleType",
                 "info": {"singularName": "page", "pluralName": "pages"},
                 "attributes": {"seo": {"type": "component", "component": "shared.missing"}}}
                """);

        assertThatThrownBy(() -> content.importSchemas(file))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::message)
                        .containsExactly(file + ": attribute 'seo' of type 'component' uses component 'shared.missing', which is not defined"));
        assertThat(content.listTypes()).isEmpty();
    }

    @Test
    void invalidJsonNamesTheFile() throws IOException {
        Path file = work.resolve("api/bad/content-types/bad/schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"kind\": ");

        assertThatThrownBy(() -> content.importSchemas(work))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).message()).startsWith("api/bad/content-types/bad/schema.json: invalid JSON");
                });
    }
}
