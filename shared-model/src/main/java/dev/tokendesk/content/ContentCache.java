package dev.tokendesk.content;

import dev.tokendesk.content.query.Status;
import dev.tokendesk.event.ChangeEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps the parsed schemas of content types and components, and the number of entries of each
 * type, so that a request neither parses schema JSON nor counts a whole type.
 *
 * <p>Both are dropped when a change is published: schemas on
 * {@link dev.tokendesk.event.ChangeEvent.Kind#CONTENT_TYPE}, counts on that and on
 * {@link dev.tokendesk.event.ChangeEvent.Kind#ENTRY}. Services publish those events before the
 * changing call returns; changes by other processes arrive through the change feed within about
 * a second. As in {@link dev.tokendesk.auth.CredentialCache}, a value read while a change was
 * being made carries an old generation and is never used.
 *
 * <p>Only unfiltered counts are kept: a filter makes the count depend on values, and filtered
 * lists are rare enough to count in SQL each time. Thread-safe.
 */
final class ContentCache {

    /** Parsed schemas as stored at one moment. */
    record Schemas(List<ContentTypeView> types, Map<String, ContentTypeView> typesByUid, Map<String, ComponentView> components,
            Map<String, ContentTypeView> collectionsByRoute, Map<String, ContentTypeView> singlesByRoute) {

        static Schemas of(List<ContentTypeView> types, Map<String, ComponentView> components) {
            Map<String, ContentTypeView> byUid = types.stream().collect(Collectors.toUnmodifiableMap(ContentTypeView::uid, type -> type));
            Map<String, ContentTypeView> collections = new java.util.HashMap<>();
            Map<String, ContentTypeView> singles = new java.util.HashMap<>();
            for (ContentTypeView type : types) {
                if (type.pluginManaged()) {
                    continue;
                }
                if (type.kind() == ContentKind.COLLECTION_TYPE) {
                    collections.putIfAbsent(type.pluralName(), type);
                } else {
                    singles.putIfAbsent(type.singularName(), type);
                }
            }
            return new Schemas(List.copyOf(types), byUid, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components)),
                    Map.copyOf(collections), Map.copyOf(singles));
        }

        Optional<ContentTypeView> type(String uid) {
            return Optional.ofNullable(typesByUid.get(uid));
        }
    }

    private record Stamped<V>(long generation, V value) {
    }

    private final AtomicLong schemaGeneration = new AtomicLong();
    private final AtomicLong countGeneration = new AtomicLong();
    private volatile Stamped<Schemas> schemas;
    private final Map<String, Stamped<Long>> counts = new ConcurrentHashMap<>();

    ContentCache(ChangeEvents events) {
        events.subscribe(event -> {
            switch (event.kind()) {
                case CONTENT_TYPE -> {
                    schemaGeneration.incrementAndGet();
                    schemas = null;
                    dropCounts();
                }
                case ENTRY -> dropCounts();
                case USER, ROLE, TOKEN, TOKEN_USE -> {
                    // Entries of plugin types are not counted here.
                }
            }
        });
    }

    /** Returns the cached schemas, or loads them with {@code loader} and keeps them unless a schema changed meanwhile. */
    Schemas schemas(Supplier<Schemas> loader) {
        Stamped<Schemas> current = schemas;
        long generation = schemaGeneration.get();
        if (current != null && current.generation() == generation) {
            return current.value();
        }
        Schemas loaded = loader.get();
        if (schemaGeneration.get() == generation) {
            schemas = new Stamped<>(generation, loaded);
        }
        return loaded;
    }

    /** Returns the number of entries of {@code uid} visible in {@code status}, counting with {@code counter} on a miss. */
    long count(String uid, Status status, LongSupplier counter) {
        String key = uid + '|' + status;
        long generation = countGeneration.get();
        Stamped<Long> cached = counts.get(key);
        if (cached != null && cached.generation() == generation) {
            return cached.value();
        }
        long counted = counter.getAsLong();
        if (countGeneration.get() == generation) {
            counts.put(key, new Stamped<>(generation, counted));
        }
        return counted;
    }

    private void dropCounts() {
        countGeneration.incrementAndGet();
        counts.clear();
    }
}
