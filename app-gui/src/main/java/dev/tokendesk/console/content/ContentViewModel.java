package dev.tokendesk.console.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.EntryPage;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.EntryList;
import dev.tokendesk.content.query.EntryQuery;
import dev.tokendesk.content.query.Selection;
import dev.tokendesk.content.query.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Content screen: the content types with their attributes, and one page
 * of the selected type's entries, optionally filtered on one attribute. Paging and filtering run
 * in SQL, so the screen never loads more than one page. Imports live in {@link ContentImports}.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class ContentViewModel {

    /** Number of entries per page. */
    public static final int PAGE_SIZE = 25;

    /** Number of attribute columns the entry table shows besides the system fields. */
    static final int ATTRIBUTE_COLUMNS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ContentViewModel.class);

    private final ContentService content;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final ContentImports imports;

    private final ObservableList<TypeRow> types = FXCollections.observableArrayList();
    private final ObjectProperty<TypeRow> selectedType = new SimpleObjectProperty<>();
    private final ObservableList<AttributeRow> attributes = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList();
    private final ObjectProperty<EntryRow> selectedEntry = new SimpleObjectProperty<>();
    private final StringProperty entryJson = new SimpleStringProperty("");
    private final IntegerProperty page = new SimpleIntegerProperty(1);
    private final IntegerProperty pageCount = new SimpleIntegerProperty(0);
    private final StringProperty pageText = new SimpleStringProperty("");
    private final StringProperty totalText = new SimpleStringProperty("");
    private final BooleanProperty previousDisabled = new SimpleBooleanProperty(true);
    private final BooleanProperty nextDisabled = new SimpleBooleanProperty(true);
    private final StringProperty entriesNote = new SimpleStringProperty("");
    private final ObservableList<String> filterAttributes = FXCollections.observableArrayList();
    private final ObjectProperty<String> filterAttribute = new SimpleObjectProperty<>();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty filterError = new SimpleStringProperty("");

    private Condition appliedFilter;
    // Counts entry loads, so a slow load that finishes after a newer one does not overwrite it.
    private long loadGeneration;

    public ContentViewModel(ContentService content, BackgroundExecutor executor, DialogService dialogs) {
        this.content = content;
        this.executor = executor;
        this.dialogs = dialogs;
        this.imports = new ContentImports(content, executor, dialogs, selectedType::get, this::refresh);
        selectedType.addListener((observable, before, now) -> typeChanged(now));
        selectedEntry.addListener((observable, before, now) -> entryJson.set(now == null ? "" : now.prettyJson()));
    }

    /** Reloads the types, keeps the selected one when it still exists, and reloads the current page. */
    public void refresh() {
        executor.submit(content::listTypes, this::showTypes, this::showUnexpected);
    }

    private void showTypes(List<ContentTypeView> loaded) {
        List<TypeRow> rows = loaded.stream().map(TypeRow::new).toList();
        TypeRow current = selectedType.get();
        types.setAll(rows);
        Optional<TypeRow> same = current == null ? Optional.empty()
                : rows.stream().filter(row -> row.uid().equals(current.uid())).findFirst();
        if (same.isPresent() && same.get().equals(current)) {
            loadEntries();
            return;
        }
        // A changed schema can drop filtered or shown attributes, so the type starts over at page 1.
        selectedType.set(same.orElseGet(() -> rows.stream().filter(TypeRow::hasEntries).findFirst().orElse(null)));
    }

    private void typeChanged(TypeRow row) {
        appliedFilter = null;
        page.set(1);
        filterText.set("");
        filterError.set("");
        if (row == null) {
            attributes.clear();
            columns.clear();
            filterAttributes.clear();
            filterAttribute.set(null);
        } else {
            ContentTypeView type = row.type();
            attributes.setAll(type.attributes().stream().map(AttributeRow::of).toList());
            if (row.hasEntries()) {
                List<String> shown = new ArrayList<>(List.of("id", "documentId"));
                shown.addAll(EntryFilter.scalarAttributes(type, ATTRIBUTE_COLUMNS));
                shown.addAll(List.of("createdAt", "updatedAt"));
                columns.setAll(shown);
                filterAttributes.setAll(EntryFilter.filterableAttributes(type));
            } else {
                columns.clear();
                filterAttributes.clear();
            }
            filterAttribute.set(filterAttributes.isEmpty() ? null : filterAttributes.get(0));
        }
        loadEntries();
    }

    /** Applies the filter attribute and text from page 1; a blank text shows every entry. */
    public void applyFilter() {
        TypeRow row = selectedType.get();
        if (row == null) {
            return;
        }
        try {
            appliedFilter = EntryFilter.condition(row.type(), filterAttribute.get(), filterText.get()).orElse(null);
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
            return;
        }
        filterError.set("");
        page.set(1);
        loadEntries();
    }

    /** Removes the filter and shows page 1 of every entry. */
    public void clearFilter() {
        filterText.set("");
        applyFilter();
    }

    /** Shows the next page, if there is one. */
    public void nextPage() {
        if (page.get() < pageCount.get()) {
            page.set(page.get() + 1);
            loadEntries();
        }
    }

    /** Shows the previous page, if there is one. */
    public void previousPage() {
        if (page.get() > 1) {
            page.set(page.get() - 1);
            loadEntries();
        }
    }

    private void loadEntries() {
        long generation = ++loadGeneration;
        TypeRow row = selectedType.get();
        if (row == null || !row.hasEntries()) {
            entries.clear();
            pageCount.set(0);
            updatePaging(0);
            entriesNote.set(row == null ? "No content type selected."
                    : "Entries of " + row.uid() + " belong to its plugin: " + (row.uid().equals(ContentTypeView.USER_TYPE_UID)
                            ? "the Users screen manages them." : "the content API does not serve them."));
            return;
        }
        entriesNote.set("");
        String uid = row.uid();
        int requested = page.get();
        Condition filter = appliedFilter;
        executor.submit(() -> loadPage(uid, requested, filter), loaded -> {
            if (generation == loadGeneration) {
                showPage(loaded);
            }
        }, failure -> {
            if (generation == loadGeneration) {
                showEntriesFailure(failure);
            }
        });
    }

    private LoadedPage loadPage(String uid, int requested, Condition filter) {
        if (filter == null) {
            EntryPage loaded = content.list(uid, requested, PAGE_SIZE);
            return new LoadedPage(loaded.entries(), requested, loaded.total());
        }
        // NOTE: a filtered list of a draft-and-publish type shows published entries only, while the
        // unfiltered list shows drafts too, because the query API reads one status at a time.
        long offset = (long) (requested - 1) * PAGE_SIZE;
        EntryList loaded = content.query(uid, new EntryQuery(filter, List.of(), offset, PAGE_SIZE, true, Status.PUBLISHED,
                Selection.all()));
        return new LoadedPage(loaded.entries(), requested, loaded.total().orElse(loaded.entries().size()));
    }

    private void showPage(LoadedPage loaded) {
        int pages = (int) ((loaded.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        pageCount.set(pages);
        if (loaded.entries().isEmpty() && loaded.page() > 1 && pages > 0) {
            // Entries were deleted since the page was chosen; the last page that exists is shown instead.
            page.set(pages);
            loadEntries();
            return;
        }
        entries.setAll(loaded.entries().stream().map(EntryRow::new).toList());
        updatePaging(loaded.total());
    }

    private void updatePaging(long total) {
        int pages = pageCount.get();
        pageText.set("Page " + Math.min(page.get(), Math.max(pages, 1)) + " of " + Math.max(pages, 1));
        String noun = total == 1 ? " entry" : " entries";
        totalText.set(selectedType.get() == null || !selectedType.get().hasEntries() ? ""
                : total + noun + (appliedFilter == null ? "" : " match the filter"));
        previousDisabled.set(page.get() <= 1);
        nextDisabled.set(page.get() >= pages);
    }

    private void showEntriesFailure(Exception failure) {
        if (failure instanceof NotFoundException) {
            // Another process deleted the type; reloading the types drops it from the list.
            refresh();
            return;
        }
        if (failure instanceof IllegalArgumentException invalid) {
            filterError.set(invalid.getMessage());
            return;
        }
        showUnexpected(failure);
    }

    private void showUnexpected(Exception failure) {
        LOG.error("Content screen: a background call failed", failure);
        dialogs.showError("Content", "The content could not be loaded: " + failure.getMessage());
    }

    /** Returns the import commands, which import into the selected type. */
    public ContentImports imports() {
        return imports;
    }

    /** Returns every content type ordered by uid, plugin types included. */
    public ObservableList<TypeRow> types() {
        return types;
    }

    public ObjectProperty<TypeRow> selectedTypeProperty() {
        return selectedType;
    }

    /** Returns the attributes of the selected type, in schema order. */
    public ObservableList<AttributeRow> attributes() {
        return attributes;
    }

    /** Returns the entry fields the table shows, in order: id, documentId, a few attributes, createdAt, updatedAt. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** Returns the entries of the current page, in id order. */
    public ObservableList<EntryRow> entries() {
        return entries;
    }

    public ObjectProperty<EntryRow> selectedEntryProperty() {
        return selectedEntry;
    }

    /** Returns the selected entry as indented JSON; empty without a selection. */
    public StringProperty entryJsonProperty() {
        return entryJson;
    }

    /** Returns the current page number, starting at 1. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** Returns the number of pages; 0 when no entry matches. */
    public IntegerProperty pageCountProperty() {
        return pageCount;
    }

    /** Returns "Page X of Y". */
    public StringProperty pageTextProperty() {
        return pageText;
    }

    /** Returns the number of entries, or of matching entries while a filter applies, in words. */
    public StringProperty totalTextProperty() {
        return totalText;
    }

    public BooleanProperty previousDisabledProperty() {
        return previousDisabled;
    }

    public BooleanProperty nextDisabledProperty() {
        return nextDisabled;
    }

    /** Returns why no entries are shown, such as a plugin type; empty when entries are shown. */
    public StringProperty entriesNoteProperty() {
        return entriesNote;
    }

    /** Returns the attributes the filter can apply to. */
    public ObservableList<String> filterAttributes() {
        return filterAttributes;
    }

    public ObjectProperty<String> filterAttributeProperty() {
        return filterAttribute;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Returns why the filter text was rejected; empty when it was accepted. */
    public StringProperty filterErrorProperty() {
        return filterError;
    }

    private record LoadedPage(List<ObjectNode> entries, int page, long total) {
    }
}
