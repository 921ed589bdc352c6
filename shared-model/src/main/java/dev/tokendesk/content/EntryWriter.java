package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.ValidationException;
import dev.tokendesk.ValidationException.FieldError;
import dev.tokendesk.content.EntryValidator.CheckedEntry;
import dev.tokendesk.content.EntryValidator.RelationReference;
import dev.tokendesk.content.EntryValidator.UniqueValue;
import dev.tokendesk.db.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Stores entries of one content type inside a caller's transaction: checks them with
 * {@link EntryValidator}, then checks relation targets and unique values in the database, and
 * inserts the entry with a claim row per unique value.
 *
 * <p>Used by one thread for one transaction. Unique values are also checked among the entries
 * written by this writer, so an import cannot store the same value twice.
 */
final class EntryWriter {

    private final Session session;
    private final ContentTypeView type;
    private final EntryValidator validator;
    private final Instant now;
    private final Set<String> claimedInThisTransaction = new HashSet<>();
    private final RelationEdits edits = new RelationEdits(this::find);

    EntryWriter(Session session, ContentTypeView type, EntryValidator validator, Instant now) {
        this.session = session;
        this.type = type;
        this.validator = validator;
        this.now = now;
    }

    /**
     * Stores {@code data} as a new entry, published or as a draft, and returns the entry as the
     * API shows it, or adds every problem to {@code errors} and returns empty without storing anything.
     *
     * @throws ValidationException when the database rejects a unique value that another
     *     transaction stored after the check; {@code errors} are included, and the transaction
     *     must roll back
     */
    Optional<ObjectNode> write(JsonNode data, String path, boolean skipUnknownKeys, boolean published, List<FieldError> errors) {
        List<FieldError> editErrors = new ArrayList<>();
        JsonNode edited = edits.apply(type, data, null, path, editErrors);
        CheckedEntry checked = validator.check(type, edited, path, skipUnknownKeys);
        Optional<String> json = checkStored(checked, editErrors, path, errors);
        if (json.isEmpty()) {
            return Optional.empty();
        }

        ContentEntry entry = new ContentEntry(DocumentIds.next(), type.uid(), json.get(), now, published);
        session.persist(entry);
        EntryIndex.write(session, entry.getId(), type, validator.components(), checked.values());
        for (UniqueValue unique : checked.uniques()) {
            claim(entry, unique, errors);
        }
        return Optional.of(EntryJson.toApi(entry, type));
    }

    /**
     * Applies {@code patch}, an object with some of the attributes, to {@code entry}: the merged
     * attributes are checked as on create, and stored password hashes are kept unless the patch
     * sets a new password. Returns the entry as the API shows it, or adds every problem to
     * {@code errors} and returns empty; the caller must then roll back, because the entry's unique
     * values were released for the check.
     *
     * @throws ValidationException as {@link #write} does
     */
    Optional<ObjectNode> update(ContentEntry entry, JsonNode patch, boolean published, List<FieldError> errors) {
        String path = "data";
        if (!patch.isObject()) {
            errors.add(new FieldError(path, path + " must be a JSON object, not " + ScalarRules.describe(patch)));
            return Optional.empty();
        }
        for (String key : (Iterable<String>) patch::fieldNames) {
            if (type.attribute(key).isEmpty()) {
                errors.add(new FieldError(path + "." + key, key + " is not an attribute of " + type.uid()));
            }
        }
        ObjectNode merged = (ObjectNode) ContentJson.parse(entry.getData());
        List<FieldError> editErrors = new ArrayList<>();
        JsonNode edited = edits.apply(type, patch, merged.deepCopy(), path, editErrors);
        for (Attribute attribute : type.attributes()) {
            // Entries stored before inverse relations were derived may still contain targets of their own, which are dropped.
            if (attribute.isInverse() && !patch.has(attribute.name())) {
                merged.remove(attribute.name());
            }
        }
        edited.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        Set<String> keptHashes = new HashSet<>();
        for (Attribute attribute : type.attributes()) {
            if (attribute.type() == AttributeType.PASSWORD && !patch.has(attribute.name()) && merged.hasNonNull(attribute.name())) {
                keptHashes.add(attribute.name());
            }
        }

        // The entry's own unique values must not count as taken by another entry.
        session.createMutationQuery("delete from UniqueValueClaim where entryId = :entry").setParameter("entry", entry.getId()).executeUpdate();
        CheckedEntry checked = validator.check(type, merged, path, true, keptHashes);
        Optional<String> json = checkStored(checked, editErrors, path, errors);
        if (json.isEmpty() || !errors.isEmpty()) {
            return Optional.empty();
        }

        entry.update(json.get(), now, published);
        EntryIndex.clear(session, entry.getId());
        EntryIndex.write(session, entry.getId(), type, validator.components(), checked.values());
        for (UniqueValue unique : checked.uniques()) {
            claim(entry, unique, errors);
        }
        return Optional.of(EntryJson.toApi(entry, type));
    }

    /**
     * Checks relation targets, unique values and the stored size, and returns the JSON to store,
     * or empty after adding the problems, with the earlier {@code editErrors}, to {@code errors}.
     */
    private Optional<String> checkStored(CheckedEntry checked, List<FieldError> editErrors, String path, List<FieldError> errors) {
        List<FieldError> problems = new ArrayList<>(editErrors);
        problems.addAll(checked.errors());
        checked.relations().forEach(reference -> resolve(reference).ifPresent(problems::add));
        checked.uniques().forEach(unique -> checkUnique(unique).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            errors.addAll(problems);
            return Optional.empty();
        }

        String json = ContentJson.write(checked.values());
        if (json.length() > ContentEntry.MAX_DATA_LENGTH) {
            errors.add(new FieldError(path, path + " is " + json.length() + " characters long as JSON, more than the maximum of "
                    + ContentEntry.MAX_DATA_LENGTH));
            return Optional.empty();
        }
        return Optional.of(json);
    }

    private Optional<FieldError> checkUnique(UniqueValue unique) {
        String hash = sha256(unique.key());
        boolean alreadyClaimed = !claimedInThisTransaction.add(unique.attribute().name() + "\u0000" + hash)
                || session.find(UniqueValueClaim.class, new UniqueValueClaim.Key(type.uid(), unique.attribute().name(), hash)) != null;
        return alreadyClaimed ? Optional.of(notUnique(unique)) : Optional.empty();
    }

    private void claim(ContentEntry entry, UniqueValue unique, List<FieldError> errors) {
        session.persist(new UniqueValueClaim(type.uid(), unique.attribute().name(), sha256(unique.key()), entry.getId()));
        try {
            session.flush();
        } catch (ConstraintViolationException e) {
            // Another transaction claimed the value between the check and this insert.
            errors.add(notUnique(unique));
            throw new ValidationException("Entry has invalid values", errors);
        }
    }

    private FieldError notUnique(UniqueValue unique) {
        return new FieldError(unique.path(), unique.attribute().name() + " must be unique, but another "
                + type.uid() + " entry already has this value");
    }

    /** Replaces a reference by the target's documentId, or returns the error when there is no such target. */
    private Optional<FieldError> resolve(RelationReference reference) {
        String target = reference.attribute().target();
        JsonNode ref = reference.reference();
        boolean builtIn = target.equals(RelationTargets.ROLE_TYPE_UID) || target.equals(ContentTypeView.USER_TYPE_UID);
        if (!builtIn && session.find(ContentTypeRecord.class, target) == null) {
            return Optional.of(new FieldError(reference.path(), reference.attribute().name()
                    + " refers to content type " + target + ", which is not defined"));
        }
        Optional<JsonNode> found = find(target, ref);

        if (found.isEmpty()) {
            return Optional.of(new FieldError(reference.path(), reference.attribute().name() + " refers to "
                    + RelationTargets.describe(ref) + ", but no " + target + " entry has it"));
        }
        reference.resolveTo(found.get());
        return Optional.empty();
    }

    /** Returns the stored form of the relation target {@code ref} of type {@code target}: its documentId, or a role's id. */
    private Optional<JsonNode> find(String target, JsonNode ref) {
        JsonNode id = ref.isObject() ? ref.path("id") : ref;
        JsonNode documentId = ref.isObject() ? ref.path("documentId") : ref;
        if (target.equals(RelationTargets.ROLE_TYPE_UID)) {
            return RelationTargets.findRole(session, id);
        }
        if (target.equals(ContentTypeView.USER_TYPE_UID)) {
            return RelationTargets.findUser(session, id, documentId);
        }
        return RelationTargets.findEntry(session, target, id, documentId);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
