package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code user}: manage users. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Create, list, block, unblock and delete users.",
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class, UserActions.Block.class, UserActions.Unblock.class,
            UserActions.Delete.class, UserActions.Passwd.class, UserActions.SignOut.class})
final class UserCommand {

    @ParentCommand
    TokenDeskCli cli;

    /** {@code user create}: creates a user, reading the password from standard input. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user. The password is read from the first line of standard input, so it stays out of the shell history.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "User name, 3 to 100 characters, unique without regard to case.")
        String username;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Email address, unique without regard to case.")
        String email;

        @Option(names = "--password-stdin", required = true, description = "Read the password from standard input (required).")
        boolean passwordFromStdin;

        @Option(names = "--role", paramLabel = "ROLE", description = "Role name (default: Authenticated).")
        String role;

        @Override
        public Integer call() throws IOException {
            String password = readPassword();
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                UserView user = opened.users().create(new NewUser(username, email, password, role));
                spec.commandLine().getErr().println("Created user " + user.username() + " (id " + user.id() + ", role " + user.roleName() + ")");
                spec.commandLine().getOut().println(user.id());
            }
            return 0;
        }

        private String readPassword() throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(parent.cli.in(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--password-stdin: standard input is empty; pipe the password in, for example: echo \"$PASSWORD\" | tokendesk user create ...");
            }
            return line;
        }
    }

    /** {@code user list}: prints one user per line. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users: id, user name, email, role, blocked.")
    static final class ListUsers implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Override
        public Integer call() {
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                for (UserView user : opened.users().list()) {
                    spec.commandLine().getOut().printf("%d\t%s\t%s\t%s\t%s%n", user.id(), user.username(), user.email(),
                            user.roleName(), user.blocked() ? "blocked" : "active");
                }
            }
            return 0;
        }
    }
}
