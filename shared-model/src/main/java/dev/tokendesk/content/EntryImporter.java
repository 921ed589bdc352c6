package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.ValidationException;
import dev.tokendesk.ValidationException.FieldError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON array of entries and stores it with one {@link EntryWriter}, all or nothing. */
final class EntryImporter {

    /** Errors listed in the exception message; all of them stay in {@link ValidationException#errors()}. */
    private static final int MESSAGE_ERROR_LIMIT = 20;

    private EntryImporter() {
    }

    /**
     * Reads {@code file} as a JSON array.
     *
     * @throws ValidationException naming the file when it is missing, unreadable, not JSON or not an array
     */
    static JsonNode readArray(Path file) {
        String path = file.toString();
        if (!Files.isRegularFile(file)) {
            throw ValidationException.of(path, "Entries file not found: " + file);
        }
        JsonNode root;
        try {
            root = ContentJson.read(file);
        } catch (IOException e) {
            throw ValidationException.of(path, file + " is not valid JSON: " + e.getMessage());
        }
        if (!root.isArray()) {
            throw ValidationException.of(path, file + " must contain a JSON array of entries, not " + ScalarRules.describe(root));
        }
        return root;
    }

    /**
     * Writes every element of {@code entries}; error paths and messages start with
     * {@code entries[<index>]}, counting from 0.
     *
     * @throws ValidationException listing every problem of every entry; the caller's transaction
     *     then rolls back, so no entry is stored
     */
    static int writeAll(EntryWriter writer, JsonNode entries, Path file, boolean skipUnknownKeys, ImportProgress progress) {
        List<FieldError> errors = new ArrayList<>();
        int stored = 0;
        for (int i = 0; i < entries.size(); i++) {
            String path = "entries[" + i + "]";
            List<FieldError> entryErrors = new ArrayList<>();
            if (writer.write(entries.get(i), path, skipUnknownKeys, true, entryErrors).isPresent()) {
                stored++;
            }
            for (FieldError error : entryErrors) {
                errors.add(new FieldError(error.path(), path + ": " + error.message()));
            }
            progress.update(i + 1, entries.size());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(summary(file, errors), errors);
        }
        return stored;
    }

    private static String summary(Path file, List<FieldError> errors) {
        StringBuilder message = new StringBuilder("No entries imported from " + file + " because of "
                + errors.size() + (errors.size() == 1 ? " problem:" : " problems:"));
        errors.stream().limit(MESSAGE_ERROR_LIMIT)
                .forEach(error -> message.append(System.lineSeparator()).append("  ").append(error.message()));
        if (errors.size() > MESSAGE_ERROR_LIMIT) {
            message.append(System.lineSeparator()).append("  and ").append(errors.size() - MESSAGE_ERROR_LIMIT).append(" more");
        }
        return message.toString();
    }
}
