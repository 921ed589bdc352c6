package dev.tokendesk.bench;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.audit.Actor;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.auth.Principal;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.jwt.JwtService;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of each step of the authentication path on a real H2 file, per call. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthBenchmark {

    private static final String RESTAURANT = "api::restaurant.restaurant";

    private TokenDesk desk;
    private String token;
    private String badChecksumToken;
    private String unknownToken;
    private String jwt;
    private String[] unseenJwts;
    private int nextUnseen;
    private Principal principal;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path dataDir = Files.createTempDirectory("tokendesk-jmh");
        desk = TokenDesk.open(TokenDeskConfig.defaults(dataDir), Clock.systemUTC(), Map.of(), Actor.CLI);
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND)));
        UserView user = desk.users().create(new NewUser("bench", "bench@example.com", "Bench-Pass-1", null));
        token = desk.tokens().issue(TokenRequest.of(user.id(), "bench", TokenScope.FULL, Expiry.NEVER)).token();
        String other = desk.tokens().issue(TokenRequest.of(user.id(), "gone", TokenScope.FULL, Expiry.NEVER)).token();
        desk.tokens().delete(desk.tokens().list().stream().filter(view -> view.name().equals("gone")).findFirst().orElseThrow().id());
        unknownToken = other;
        badChecksumToken = token.substring(0, 52) + (token.charAt(52) == 'A' ? 'B' : 'A');
        jwt = desk.jwt().issue(user);
        // Twice as many JWTs as JwtService remembers, used in turn, so that each verification is a first sight.
        unseenJwts = new String[2 * JwtService.MAX_REMEMBERED];
        for (int i = 0; i < unseenJwts.length; i++) {
            unseenJwts[i] = desk.jwt().issue(new UserView(1_000_000L + i, user.documentId(), user.username(), user.email(), user.roleId(),
                    user.roleName(), false, user.credentialVersion(), user.createdAt(), user.updatedAt()));
        }
        principal = desk.authenticator().withApiToken(token, "127.0.0.1");
    }

    @TearDown(Level.Trial)
    public void close() {
        desk.close();
    }

    /** Authenticates a valid token that the credential cache contains: format check, HMAC, clock and address checks. */
    @Benchmark
    public Principal verifyTokenCacheHit() {
        return desk.authenticator().withApiToken(token, "127.0.0.1");
    }

    /** Authenticates a valid token after emptying the cache: HMAC, one indexed look-up, the token, owner and role. */
    @Benchmark
    public Principal verifyTokenCacheMiss() {
        desk.credentialCache().invalidateAll();
        return desk.authenticator().withApiToken(token, "127.0.0.1");
    }

    /** Verifies a JWT not seen before: JSON of header and payload, HMAC signature and claims. */
    @Benchmark
    public Object verifyJwtSignature() {
        String unseen = unseenJwts[nextUnseen];
        nextUnseen = (nextUnseen + 1) % unseenJwts.length;
        return desk.jwt().verify(unseen);
    }

    /** Verifies a JWT verified before: a map look-up and the expiry against the clock. */
    @Benchmark
    public Object verifyJwtRemembered() {
        return desk.jwt().verify(jwt);
    }

    /** Authenticates a JWT: signature, claims, and the user and role from the cache. */
    @Benchmark
    public Principal authenticateJwtCached() {
        return desk.authenticator().withJwt(jwt);
    }

    /** Rejects a well-formed token that is not stored: HMAC and one indexed look-up. */
    @Benchmark
    public Object rejectUnknownToken() {
        try {
            return desk.tokens().verify(unknownToken, "127.0.0.1");
        } catch (CredentialRejectedException e) {
            return e.reason();
        }
    }

    /** Rejects a token with a wrong checksum before any database work. */
    @Benchmark
    public Object rejectBadChecksum() {
        try {
            return desk.tokens().verify(badChecksumToken, "127.0.0.1");
        } catch (CredentialRejectedException e) {
            return e.reason();
        }
    }

    /** Decides a permission once the principal is known. */
    @Benchmark
    public boolean checkPermission() {
        return principal.allows(RESTAURANT, Action.FIND);
    }
}
