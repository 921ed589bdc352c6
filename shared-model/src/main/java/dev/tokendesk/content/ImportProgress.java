package dev.tokendesk.content;

/** Receives the progress of an entry import: called after each entry, from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    /** A listener that ignores every update. */
    ImportProgress NONE = (done, total) -> {
    };

    /**
     * Reports that {@code done} of {@code total} entries have been checked and written so far.
     * The import is still one transaction, so nothing is visible to others before it ends.
     */
    void update(int done, int total);
}
