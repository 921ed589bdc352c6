package dev.tokendesk.console.testing;

import dev.tokendesk.console.dialog.DialogService;
import dev.tokendesk.console.dialog.IssuedTokenDetails;
import java.util.ArrayList;
import java.util.List;

/** Dialog service that records what view models show and returns a preset reply to every confirmation. */
public final class RecordingDialogs implements DialogService {

    public final List<String> confirmations = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<IssuedTokenDetails> issuedTokens = new ArrayList<>();
    private boolean confirmReply = true;

    /** Sets what every later confirmation returns. */
    public void replyToConfirmations(boolean reply) {
        confirmReply = reply;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(message);
        return confirmReply;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showIssuedToken(IssuedTokenDetails details) {
        issuedTokens.add(details);
    }
}
