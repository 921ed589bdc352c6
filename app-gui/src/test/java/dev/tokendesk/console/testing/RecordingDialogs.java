package dev.tokendesk.console.testing;

import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import dev.tokendesk.console.dialog.PasswordChangeForm;
import dev.tokendesk.console.dialog.TestJwtDetails;
import dev.tokendesk.console.dialog.UserEditForm;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Dialog service that records what view models show and returns preset replies: one for every
 * confirmation, one for every choice, one for every text question and one for every folder or
 * file choice.
 */
public final class RecordingDialogs implements DialogService {

    public final List<String> confirmations = new ArrayList<>();
    public final List<String> choiceQuestions = new ArrayList<>();
    public final List<List<Object>> choiceOptions = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<IssuedTokenDetails> issuedTokens = new ArrayList<>();
    public final List<IssuedTokenDetails> regeneratedTokens = new ArrayList<>();
    public final List<String> previousValueNotes = new ArrayList<>();
    public final List<PasswordChangeForm> passwordForms = new ArrayList<>();
    public final List<String> pathQuestions = new ArrayList<>();
    public final List<String> textQuestions = new ArrayList<>();
    public final List<UserEditForm> userEditForms = new ArrayList<>();
    public final List<TestJwtDetails> testJwts = new ArrayList<>();
    private String textReply;
    private boolean confirmReply = true;
    private Path pathReply;
    private final Deque<Path> queuedPathReplies = new ArrayDeque<>();
    private Object choiceReply;

    /** Sets what every later confirmation returns. */
    public void replyToConfirmations(boolean reply) {
        confirmReply = reply;
    }

    /** Sets the option every later choice returns; {@code null} cancels the choice. */
    public void replyToChoices(Object option) {
        choiceReply = option;
    }

    /** Sets the text every later text question returns; {@code null} cancels the question. */
    public void replyToTextQuestions(String reply) {
        textReply = reply;
    }

    /** Sets the folder or file every later folder or file choice returns; {@code null} cancels the choice. */
    public void replyToPathChoices(Path path) {
        pathReply = path;
    }

    /**
     * Queues replies for the next folder or file choices, in order; once they are used up, the
     * reply of {@link #replyToPathChoices} applies again.
     */
    public void queuePathReplies(Path... paths) {
        queuedPathReplies.addAll(List.of(paths));
    }

    private Optional<Path> nextPath(String title) {
        pathQuestions.add(title);
        Path queued = queuedPathReplies.poll();
        return Optional.ofNullable(queued != null ? queued : pathReply);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(message);
        return confirmReply;
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> options, T initial, String confirmLabel) {
        choiceQuestions.add(message);
        choiceOptions.add(List.copyOf(options));
        if (choiceReply == null) {
            return Optional.empty();
        }
        if (!options.contains(choiceReply)) {
            throw new IllegalStateException("The preset reply " + choiceReply + " is not among the options " + options);
        }
        @SuppressWarnings("unchecked")
        T reply = (T) choiceReply;
        return Optional.of(reply);
    }

    @Override
    public Optional<String> askText(String title, String message, String initial, String confirmLabel) {
        textQuestions.add(message);
        return Optional.ofNullable(textReply);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showIssuedToken(IssuedTokenDetails details) {
        issuedTokens.add(details);
    }

    @Override
    public void showRegeneratedToken(IssuedTokenDetails details, String previousValueNote) {
        regeneratedTokens.add(details);
        previousValueNotes.add(previousValueNote);
    }

    @Override
    public void showPasswordChange(PasswordChangeForm form) {
        passwordForms.add(form);
    }

    @Override
    public void showUserEdit(UserEditForm form) {
        userEditForms.add(form);
    }

    @Override
    public void showTestJwt(TestJwtDetails details) {
        testJwts.add(details);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return nextPath(title);
    }

    @Override
    public Optional<Path> chooseJsonFile(String title) {
        return nextPath(title);
    }

    @Override
    public Optional<Path> chooseCsvSaveFile(String title, String suggestedName) {
        return nextPath(title);
    }

    @Override
    public Optional<Path> chooseZipSaveFile(String title, String suggestedName) {
        return nextPath(title);
    }

    @Override
    public Optional<Path> chooseZipFile(String title) {
        return nextPath(title);
    }
}
