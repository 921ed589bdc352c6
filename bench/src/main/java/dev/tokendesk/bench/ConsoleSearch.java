package dev.tokendesk.bench;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.token.TokenQuery;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.user.UserQuery;
import dev.tokendesk.user.UserSort;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the queries behind the console's Users and Tokens screens on a data directory, with the
 * parameters their view models send. The queries are first pages, a search by user name, the
 * owner filter of the Tokens screen, a deep page, and the owner picker of the issue form. Each
 * runs 5 times to warm up, then 20 times, and the median and the slowest of the 20 are printed
 * as a Markdown table.
 *
 * <p>Usage: {@code java -cp bench.jar dev.tokendesk.bench.ConsoleSearch DATA_DIR} with no server
 * running on that directory.
 */
public final class ConsoleSearch {

    private static final int WARMUP = 5;
    private static final int RUNS = 20;
    /** Rows per page of the console's Users and Tokens tables (UsersViewModel and TokensViewModel). */
    private static final int USERS_PAGE = 100;
    private static final int TOKENS_PAGE = 50;

    private ConsoleSearch() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        try (TokenDesk desk = TokenDesk.openWithoutBackgroundTasks(TokenDeskConfig.defaults(dataDir), Clock.systemUTC(), Map.of())) {
            long users = desk.users().count();
            long tokens = desk.tokens().page(TokenQuery.firstPage(1)).total();
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            queries.put("Users: first page by user name", () -> desk.users().page(UserQuery.firstPage(USERS_PAGE)));
            queries.put("Users: search \"user-4711\"", () -> desk.users().page(new UserQuery("user-4711", UserSort.USERNAME, true, 1, USERS_PAGE)));
            queries.put("Users: search with no match", () -> desk.users().page(new UserQuery("no-such-user", UserSort.USERNAME, true, 1, USERS_PAGE)));
            queries.put("Users: page 1,000 by e-mail, descending", () -> desk.users().page(new UserQuery("", UserSort.EMAIL, false, 1000, USERS_PAGE)));
            queries.put("Tokens: first page", () -> desk.tokens().page(TokenQuery.firstPage(TOKENS_PAGE)));
            queries.put("Tokens: owner \"load-user-4711\"", () -> desk.tokens().page(new TokenQuery(null, "load-user-4711", null, null, 1, TOKENS_PAGE)));
            queries.put("Tokens: active, page 1,000", () -> desk.tokens().page(new TokenQuery(null, "", TokenStatus.ACTIVE, null, 1000, TOKENS_PAGE)));
            queries.put("Issue form: owner picker \"load-user-99\"", () -> desk.users().page(new UserQuery("load-user-99", UserSort.USERNAME, true, 1, 20)));

            System.out.println("Console queries on " + users + " users and " + tokens + " tokens (median and slowest of " + RUNS
                    + " runs after " + WARMUP + " warm-up runs):");
            System.out.println();
            System.out.println("| query | median | slowest |");
            System.out.println("|---|---|---|");
            for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
                double[] millis = time(query.getValue());
                System.out.printf("| %s | %.1f ms | %.1f ms |%n", query.getKey(), millis[RUNS / 2], millis[RUNS - 1]);
            }
        }
    }

    private static double[] time(Supplier<Object> query) {
        for (int i = 0; i < WARMUP; i++) {
            query.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }
}
