package dev.tokendesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.audit.Actor;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Fills a data directory for the load benchmark: the {@code restaurant} type, {@code count}
 * restaurants, a user with full create/find rights, and in {@code <dataDir>/bench/} the files
 * {@code token}, {@code jwt} and {@code document-id} that the load script reads.
 *
 * <p>Usage: {@code java -cp bench.jar dev.tokendesk.bench.Seed DATA_DIR COUNT}
 */
public final class Seed {

    private static final String RESTAURANT = "api::restaurant.restaurant";

    private Seed() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: Seed DATA_DIR COUNT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(dataDir.resolve("bench"));

        try (TokenDesk desk = TokenDesk.open(TokenDeskConfig.defaults(dataDir), Clock.systemUTC(), Map.of(), Actor.CLI)) {
            Path schema = out.resolve("restaurant-schema.json");
            try (InputStream in = Seed.class.getResourceAsStream("/restaurant-schema.json")) {
                Files.copy(in, schema, StandardCopyOption.REPLACE_EXISTING);
            }
            desk.content().importSchemas(schema);
            Set<Permission> all = new HashSet<>();
            for (Action action : EnumSet.allOf(Action.class)) {
                all.add(new Permission(RESTAURANT, action));
            }
            desk.roles().grant("Authenticated", all);

            Path entries = out.resolve("restaurants.json");
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (int i = 0; i < count; i++) {
                ObjectNode entry = array.addObject();
                entry.put("name", "Restaurant " + i);
                entry.put("seats", i % 200);
            }
            mapper.writeValue(entries.toFile(), array);
            desk.content().importEntries("restaurant", entries, false);

            UserView user = desk.users().create(new NewUser("bench", "bench@example.com", "Bench-Pass-1", null));
            String token = desk.tokens().issue(TokenRequest.of(user.id(), "bench", TokenScope.FULL, Expiry.NEVER)).token();
            Files.writeString(out.resolve("token"), token);
            Files.writeString(out.resolve("jwt"), desk.jwt().issue(user));
            Files.writeString(out.resolve("document-id"), desk.content().list(RESTAURANT, 1, 1).entries().get(0).get("documentId").asText());
        }
        System.err.println("Seeded " + count + " restaurants into " + dataDir);
    }
}
