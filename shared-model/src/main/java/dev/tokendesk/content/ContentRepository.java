package dev.tokendesk.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/** Loads stored content types and components inside a caller's transaction. */
final class ContentRepository {

    private ContentRepository() {
    }

    /** Loads every content type, ordered by uid. */
    static List<ContentTypeView> loadTypes(Session session) {
        return session.createSelectionQuery("from ContentTypeRecord order by uid", ContentTypeRecord.class)
                .getResultList()
                .stream()
                .map(ContentRepository::toView)
                .toList();
    }

    static Optional<ContentTypeView> findType(Session session, String uid) {
        return Optional.ofNullable(session.find(ContentTypeRecord.class, uid)).map(ContentRepository::toView);
    }

    /** Loads every component by uid, ordered by uid. */
    static Map<String, ComponentView> loadComponents(Session session) {
        Map<String, ComponentView> components = new LinkedHashMap<>();
        session.createSelectionQuery("from ComponentRecord order by uid", ComponentRecord.class)
                .getResultList()
                .forEach(record -> components.put(record.getUid(), toView(record)));
        return components;
    }

    private static ContentTypeView toView(ContentTypeRecord record) {
        List<String> problems = new ArrayList<>();
        Optional<ContentTypeView> view = SchemaParser.parseType(record.getUid(), record.getUid(),
                ContentJson.parse(record.getSchemaJson()), problems);
        return view.orElseThrow(() -> new IllegalStateException("Stored content type is invalid: " + problems));
    }

    private static ComponentView toView(ComponentRecord record) {
        List<String> problems = new ArrayList<>();
        Optional<ComponentView> view = SchemaParser.parseComponent(record.getUid(), record.getUid(), record.getCategory(),
                ContentJson.parse(record.getSchemaJson()), problems);
        return view.orElseThrow(() -> new IllegalStateException("Stored component is invalid: " + problems));
    }
}
