package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.ConfigResolver;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The token sub-commands that change an existing token: revoke, regenerate, delete. */
final class TokenActions {

    private TokenActions() {
    }

    /** {@code token revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token. A running server rejects it with 401 within about a second.")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        TokenCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "ID", description = "Token id, as shown by token list.")
        long id;

        @Override
        public Integer call() {
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                Instant requested = opened.clock().instant();
                TokenView revoked = opened.tokens().revoke(id);
                // Revoking keeps the first revocation time, so an earlier time means it was revoked before.
                boolean alreadyRevoked = revoked.revokedAt().isBefore(requested);
                spec.commandLine().getErr().println(alreadyRevoked
                        ? "Token " + revoked.hint() + " (id " + id + ") was already revoked at " + revoked.revokedAt()
                        : "Revoked token " + revoked.hint() + " (id " + id + ") of " + revoked.ownerUsername());
            }
            return 0;
        }
    }

    /** {@code token regenerate ID [--grace DURATION]}: prints only the new token. */
    @Command(name = "regenerate", mixinStandardHelpOptions = true,
            description = "Give a token a new value with the same settings and print only the new value on standard output.")
    static final class Regenerate implements Callable<Integer> {

        @ParentCommand
        TokenCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "ID", description = "Token id, as shown by token list.")
        long id;

        @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0m",
                description = "How long the old value keeps working, 0m to 24h (for example 30m or 2h). Default: ${DEFAULT-VALUE}.")
        String grace;

        @Override
        public Integer call() {
            Duration gracePeriod = grace.strip().matches("0+[smhd]?") ? Duration.ZERO : ConfigResolver.parseDuration(grace, "option --grace");
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                IssuedToken regenerated = opened.tokens().regenerate(id, gracePeriod);
                spec.commandLine().getOut().println(regenerated.token());
                spec.commandLine().getErr().println("Regenerated token " + id + " as " + regenerated.view().hint()
                        + (gracePeriod.isZero() ? "; the old value no longer works" : "; the old value works until " + regenerated.view().previousValidUntil()));
            }
            return 0;
        }
    }

    /** {@code token delete ID}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a token for good.")
    static final class Delete implements Callable<Integer> {

        @ParentCommand
        TokenCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "ID", description = "Token id, as shown by token list.")
        long id;

        @Override
        public Integer call() {
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                opened.tokens().delete(id);
                spec.commandLine().getErr().println("Deleted token " + id);
            }
            return 0;
        }
    }
}
