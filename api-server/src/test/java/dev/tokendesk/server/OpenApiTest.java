package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.ContentKind;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.testing.Fixtures;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated OpenAPI document for the whole FoodAdvisor project, read anonymously and validated. */
class OpenApiTest {

    @TempDir
    Path dataDir;

    private TestServer api;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir.resolve("data"));
        api.desk.content().importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, dataDir.resolve("src")));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void documentIsValidOpenApi() {
        TestServer.Response response = api.get("/api/openapi.json");

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());

        assertThat(response.status()).isEqualTo(200);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("token", "bearer");
    }

    @Test
    void everyTypeHasItsPaths() {
        JsonNode paths = api.get("/api/openapi.json").json().get("paths");

        for (ContentTypeView type : api.desk.content().listTypes()) {
            if (type.pluginManaged()) {
                continue;
            }
            if (type.kind() == ContentKind.COLLECTION_TYPE) {
                assertThat(paths.has("/api/" + type.pluralName())).as(type.uid()).isTrue();
                assertThat(paths.at("/~1api~1" + type.pluralName() + "~1{documentId}/put").isObject()).as(type.uid()).isTrue();
            } else {
                assertThat(paths.at("/~1api~1" + type.singularName() + "/get").isObject()).as(type.uid()).isTrue();
            }
        }
    }

    @Test
    void securitySchemesDescribeTokenAndBearer() {
        JsonNode schemes = api.get("/api/openapi.json").json().at("/components/securitySchemes");

        assertThat(schemes.at("/token/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/token/in").asText()).isEqualTo("query");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
    }
}
