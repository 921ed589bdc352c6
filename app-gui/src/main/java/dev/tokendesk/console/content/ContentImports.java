package dev.tokendesk.console.content;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.content.ContentService;
import dev.tokendesk.content.ImportProgress;
import dev.tokendesk.content.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Content screen's import commands: Strapi schemas from a folder or a single schema file, and
 * entries from a JSON array file into the selected type. The outcome is shown on the screen: a summary, or the
 * rejected fields as a list.
 *
 * <p>Not thread-safe: use it on the UI thread.
 */
public final class ContentImports {

    private static final Logger LOG = LoggerFactory.getLogger(ContentImports.class);
    private static final Pattern ENTRY_PATH = Pattern.compile("entries\\[(\\d+)]\\.?(.*)");
    private static final Pattern ENTRY_PREFIX = Pattern.compile("entries\\[(\\d+)]: (.*)", Pattern.DOTALL);

    private final ContentService content;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Supplier<TypeRow> target;
    private final Runnable afterImport;

    private final BooleanProperty skipUnknownKeys = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(ProgressBar.INDETERMINATE_PROGRESS);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    ContentImports(ContentService content, BackgroundExecutor executor, DialogService dialogs, Supplier<TypeRow> target,
                   Runnable afterImport) {
        this.content = content;
        this.executor = executor;
        this.dialogs = dialogs;
        this.target = target;
        this.afterImport = afterImport;
    }

    /** Asks for a folder of Strapi {@code schema.json} files and imports every schema in it. */
    public void importSchemas() {
        dialogs.chooseFolder("Import schemas").ifPresent(folder -> {
            start();
            executor.submit(() -> content.importSchemas(folder), report -> {
                busy.set(false);
                status.set(describe(folder, report));
                afterImport.run();
            }, this::showFailure);
        });
    }

    /**
     * Asks for one schema file, such as a content type's {@code schema.json} or a component's
     * JSON file, and imports it. A file inside a Strapi layout gets the uid its place gives it;
     * otherwise a content type is named after its {@code info.singularName} and a component after
     * the folder that contains it.
     */
    public void importSchemaFile() {
        dialogs.chooseJsonFile("Import schema file").ifPresent(file -> {
            start();
            executor.submit(() -> content.importSchemas(file), report -> {
                busy.set(false);
                status.set(describe(file, report));
                afterImport.run();
            }, this::showFailure);
        });
    }

    /** Asks for a JSON array file and imports its objects as entries of the selected type. */
    public void importEntries() {
        TypeRow type = target.get();
        if (type == null || !type.hasEntries()) {
            clear();
            failure.set("Select a content type whose entries are stored here, then import.");
            return;
        }
        boolean skip = skipUnknownKeys.get();
        dialogs.chooseJsonFile("Import entries into " + type.type().displayName()).ifPresent(file -> {
            start();
            executor.submit(() -> content.importEntries(type.uid(), file, skip, progressReporter()), stored -> {
                busy.set(false);
                status.set("Imported " + stored + (stored == 1 ? " entry" : " entries") + " into " + type.uid() + " from "
                        + file.getFileName() + ".");
                afterImport.run();
            }, this::showFailure);
        });
    }

    private void start() {
        clear();
        progress.set(ProgressBar.INDETERMINATE_PROGRESS);
        busy.set(true);
    }

    /**
     * Returns a listener that moves {@link #progressProperty()} on the UI thread at each whole
     * percent, so a large file causes about a hundred UI updates, not one per entry.
     */
    private ImportProgress progressReporter() {
        AtomicInteger shownPercent = new AtomicInteger(-1);
        return (done, total) -> {
            int percent = (int) (100L * done / Math.max(total, 1));
            if (shownPercent.getAndSet(percent) != percent) {
                executor.post(() -> progress.set(percent / 100.0));
            }
        };
    }

    private void clear() {
        status.set("");
        failure.set("");
        problems.clear();
    }

    private void showFailure(Exception error) {
        busy.set(false);
        if (error instanceof ValidationException invalid) {
            showInvalid(invalid);
            return;
        }
        if (error instanceof NotFoundException || error instanceof IllegalArgumentException) {
            failure.set(error.getMessage());
            return;
        }
        LOG.error("Content screen: an import failed", error);
        dialogs.showError("Import", "The import failed: " + error.getMessage());
    }

    private void showInvalid(ValidationException invalid) {
        // The service lists the first problems on further lines of its message, and problems() contains all of them.
        String message = invalid.getMessage() == null ? "The import was rejected" : invalid.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        failure.set(firstLine.endsWith(":") ? firstLine.substring(0, firstLine.length() - 1) + "." : firstLine);
        List<ValidationException.FieldError> errors = invalid.errors();
        boolean onlyTheSummary = errors.size() == 1 && errors.get(0).message().equals(message);
        problems.setAll(onlyTheSummary ? List.of() : errors.stream().map(ContentImports::readable).toList());
    }

    /**
     * Turns an entry import problem such as {@code entries[3]: cca2 is required} into
     * "Entry 4: cca2 is required", counting entries from 1 as people do in a file.
     */
    static String readable(ValidationException.FieldError error) {
        Matcher prefixed = ENTRY_PREFIX.matcher(error.message());
        if (prefixed.matches()) {
            return "Entry " + (Integer.parseInt(prefixed.group(1)) + 1) + ": " + prefixed.group(2);
        }
        Matcher path = ENTRY_PATH.matcher(error.path());
        if (path.matches()) {
            String field = path.group(2).isEmpty() ? "" : ", " + path.group(2);
            return "Entry " + (Integer.parseInt(path.group(1)) + 1) + field + ": " + error.message();
        }
        return error.message().startsWith(error.path()) ? error.message() : error.path() + ": " + error.message();
    }

    private static String describe(Path fileOrFolder, ImportReport report) {
        return "Imported schemas from " + fileOrFolder + ". Content types: " + counts(report.typesCreated(), report.typesUpdated(),
                report.typesUnchanged()) + ". Components: " + counts(report.componentsCreated(), report.componentsUpdated(),
                report.componentsUnchanged()) + ".";
    }

    private static String counts(List<String> created, List<String> updated, List<String> unchanged) {
        return created.size() + " created, " + updated.size() + " updated, " + unchanged.size() + " unchanged";
    }

    /** Returns the share of entries imported so far, from 0 to 1, or a negative value while it is not known. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Returns whether entry imports drop keys that are not attributes instead of rejecting them. */
    public BooleanProperty skipUnknownKeysProperty() {
        return skipUnknownKeys;
    }

    /** Returns whether an import is running. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Returns the summary of the last successful import; empty after a failure. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Returns why the last import failed; empty after a success. */
    public StringProperty failureProperty() {
        return failure;
    }

    /** Returns the rejected fields of the last failed import, one line each. */
    public ObservableList<String> problems() {
        return problems;
    }
}
