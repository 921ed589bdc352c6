package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The user sub-commands that change an existing user: block, unblock, delete, passwd, sign-out. */
final class UserActions {

    private UserActions() {
    }

    /** Shared arguments of the commands that act on one user. */
    abstract static class OnUser implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Parameters(index = "0", paramLabel = "USER", description = "User name or email.")
        String user;

        @Override
        public Integer call() throws IOException {
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                UserView target = opened.users().findByIdentifier(user);
                spec.commandLine().getErr().println(apply(opened, target));
            }
            return 0;
        }

        /** Makes the change and returns the message for standard error. */
        abstract String apply(TokenDesk desk, UserView target) throws IOException;
    }

    /** {@code user block USER}. */
    @Command(name = "block", mixinStandardHelpOptions = true,
            description = "Block a user: every API token and JWT of theirs gets 401 until they are unblocked.")
    static final class Block extends OnUser {
        @Override
        String apply(TokenDesk desk, UserView target) {
            desk.users().setBlocked(target.id(), true);
            return "Blocked " + target.username();
        }
    }

    /** {@code user unblock USER}. */
    @Command(name = "unblock", mixinStandardHelpOptions = true,
            description = "Unblock a user: their API tokens work again; JWTs issued before the block do not.")
    static final class Unblock extends OnUser {
        @Override
        String apply(TokenDesk desk, UserView target) {
            desk.users().setBlocked(target.id(), false);
            return "Unblocked " + target.username();
        }
    }

    /** {@code user delete USER}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a user and all of their API tokens.")
    static final class Delete extends OnUser {
        @Override
        String apply(TokenDesk desk, UserView target) {
            int tokens = desk.tokens().listForUser(target.id()).size();
            desk.users().delete(target.id());
            return "Deleted " + target.username() + " and " + tokens + " token(s)";
        }
    }

    /** {@code user sign-out USER}. */
    @Command(name = "sign-out", mixinStandardHelpOptions = true,
            description = "Sign a user out everywhere: every JWT issued so far gets 401. API tokens are not affected.")
    static final class SignOut extends OnUser {
        @Override
        String apply(TokenDesk desk, UserView target) {
            desk.users().signOutEverywhere(target.id());
            return "Signed out " + target.username() + " everywhere";
        }
    }

    /** {@code user passwd USER --password-stdin}. */
    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new password, read from the first line of standard input. Ends every JWT of the user; API tokens keep working.")
    static final class Passwd extends OnUser {

        @Option(names = "--password-stdin", required = true, description = "Read the new password from standard input (required).")
        boolean passwordFromStdin;

        @Override
        String apply(TokenDesk desk, UserView target) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(parent.cli.in(), StandardCharsets.UTF_8));
            String password = reader.readLine();
            if (password == null || password.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--password-stdin: standard input is empty; pipe the new password in");
            }
            desk.users().changePassword(target.id(), password);
            return "Changed the password of " + target.username();
        }
    }
}
