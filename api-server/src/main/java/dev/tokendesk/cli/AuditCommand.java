package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.audit.AuditEntry;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code audit}: the audit trail and the counts of authentication failures. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show the audit trail of admin actions.",
        subcommands = {AuditCommand.ListEvents.class, AuditCommand.Failures.class})
final class AuditCommand {

    @ParentCommand
    TokenDeskCli cli;

    /** {@code audit list}: newest first, one event per line. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List admin actions, newest first: time, actor, action, target id, target, details.")
    static final class ListEvents implements Callable<Integer> {

        @ParentCommand
        AuditCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Number of events, 1 to 10000. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only events about user, token or role.")
        String type;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 10000, got " + limit);
            }
            if (type != null && !type.equals("user") && !type.equals("token") && !type.equals("role")) {
                throw new ParameterException(spec.commandLine(), "--type must be user, token or role, got '" + type + "'");
            }
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                for (AuditEntry event : opened.audit().list(limit, type)) {
                    spec.commandLine().getOut().printf("%s\t%s\t%s\t%s\t%s\t%s%n", event.occurredAt(), event.actor(), event.action(),
                            event.targetId(), event.targetLabel(), event.details() == null ? "" : event.details());
                }
            }
            return 0;
        }
    }

    /** {@code audit failures}: authentication failures per reason. */
    @Command(name = "failures", mixinStandardHelpOptions = true, description = "Show the number of authentication failures per reason.")
    static final class Failures implements Callable<Integer> {

        @ParentCommand
        AuditCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Override
        public Integer call() {
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                for (Map.Entry<String, Long> count : opened.authFailures().totals().entrySet()) {
                    spec.commandLine().getOut().printf("%s\t%d%n", count.getKey(), count.getValue());
                }
            }
            return 0;
        }
    }
}
