package dev.tokendesk.cli;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.IpAllowList;
import dev.tokendesk.token.IssuedToken;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.token.TokenView;
import dev.tokendesk.user.UserView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code token}: issue and list API tokens. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue, list, regenerate, revoke and delete API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenActions.Revoke.class,
            TokenActions.Regenerate.class, TokenActions.Delete.class})
final class TokenCommand {

    @ParentCommand
    TokenDeskCli cli;

    /** {@code token create}: prints only the new token on standard output. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue a token for a user and print only the token on standard output. It is shown this once.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        TokenCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "User name or email of the owner.")
        String user;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Label of the token, 1 to 100 characters.")
        String name;

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "read-only",
                description = "read-only (find, findOne) or full (everything the user's role allows). Default: ${DEFAULT-VALUE}.")
        String scope;

        @Option(names = "--expires", paramLabel = "WHEN", defaultValue = "30d",
                description = "1d, 7d, 30d, 90d, never, a date (2027-01-31) or an instant (2027-01-31T12:00:00Z). Default: ${DEFAULT-VALUE}.")
        String expires;

        @Option(names = "--allow-ip", paramLabel = "RANGES",
                description = "Addresses or CIDR ranges the token may be used from, comma-separated (for example 127.0.0.1,10.0.0.0/8). Default: any.")
        String allowedIps;

        @Override
        public Integer call() {
            TokenScope tokenScope = TokenScope.parse(scope);
            if (tokenScope == TokenScope.CUSTOM) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--scope custom is not available on the command line: use read-only or full, or the console");
            }
            Expiry expiry = Expiry.parse(expires);
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                UserView owner = opened.users().findByIdentifier(user);
                IssuedToken issued = opened.tokens().issue(new TokenRequest(owner.id(), name, null, tokenScope, java.util.Set.of(), expiry,
                        IpAllowList.parse(allowedIps)));
                spec.commandLine().getOut().println(issued.token());
                TokenView view = issued.view();
                spec.commandLine().getErr().println("Issued token " + view.hint() + " (id " + view.id() + ") for " + owner.username()
                        + ", scope " + view.scope() + ", expires " + (view.expiresAt() == null ? "never" : view.expiresAt()));
            }
            return 0;
        }
    }

    /** {@code token list}: prints one token per line, never the token itself. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List tokens: id, hint, owner, name, scope, status, expiry, last used, last address.")
    static final class ListTokens implements Callable<Integer> {

        @ParentCommand
        TokenCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk;

        @Override
        public Integer call() {
            try (TokenDesk opened = desk.open(parent.cli.env())) {
                for (TokenView token : opened.tokens().list()) {
                    spec.commandLine().getOut().printf("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", token.id(), token.hint(), token.ownerUsername(),
                            token.name(), token.scope(), token.status().name().toLowerCase(java.util.Locale.ROOT),
                            token.expiresAt() == null ? "never" : token.expiresAt(),
                            token.lastUsedAt() == null ? "never used" : token.lastUsedAt(),
                            token.lastUsedIp() == null ? "-" : token.lastUsedIp());
                }
            }
            return 0;
        }
    }
}
