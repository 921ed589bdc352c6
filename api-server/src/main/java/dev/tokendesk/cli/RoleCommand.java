package dev.tokendesk.cli;

import dev.tokendesk.NotFoundException;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.RoleView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code role}: grant content permissions to roles. */
@Command(name = "role", mixinStandardHelpOptions = true, description = "Grant permissions to roles.",
        subcommands = {RoleCommand.Grant.class})
final class RoleCommand {

    @ParentCommand
    TokenDeskCli cli;

    /** {@code role grant ROLE TYPE ACTION...}. */
    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Allow a role (Public, Authenticated or a custom one) to perform actions on a content type.")
    static final class Grant implements Callable<Integer> {

        @ParentCommand
        RoleCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "ROLE", description = "Role name, without regard to case.")
        String role;

        @Parameters(index = "1", paramLabel = "TYPE", description = "Content type: uid (api::restaurant.restaurant), singular or plural name.")
        String type;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "ACTION", description = "One or more of find, findOne, create, update, delete.")
        List<String> actions;

        @Override
        public Integer call() {
            Set<Action> parsed = new LinkedHashSet<>();
            for (String action : actions) {
                parsed.add(Action.parse(action));
            }
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                ContentTypeView contentType = opened.content().findType(type)
                        .orElseThrow(() -> new NotFoundException("Content type", type));
                if (contentType.pluginManaged()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "TYPE: " + contentType.uid()
                            + " is managed by a plugin and has no content endpoints to grant");
                }
                Set<Permission> permissions = new LinkedHashSet<>();
                parsed.forEach(action -> permissions.add(new Permission(contentType.uid(), action)));
                RoleView updated = opened.roles().grant(role, permissions);
                spec.commandLine().getErr().println("Role " + updated.name() + " may now " + parsed + " on " + contentType.uid());
            }
            return 0;
        }
    }
}
