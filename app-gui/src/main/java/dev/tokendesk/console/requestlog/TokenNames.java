package dev.tokendesk.console.requestlog;

import dev.tokendesk.console.task.BackgroundExecutor;
import dev.tokendesk.token.TokenService;
import dev.tokendesk.token.TokenView;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names of the API tokens by id, so request log rows name the token a request used. Loaded in
 * the background; the console reloads it after token changes. Use on the UI thread only.
 */
public final class TokenNames {

    private static final Logger LOG = LoggerFactory.getLogger(TokenNames.class);

    private final TokenService tokens;
    private final BackgroundExecutor executor;
    private Map<Long, String> names = Map.of();
    private boolean loading;

    public TokenNames(TokenService tokens, BackgroundExecutor executor) {
        this.tokens = tokens;
        this.executor = executor;
    }

    /** Reloads every token's name in the background. */
    public void reload() {
        loading = true;
        executor.submit(() -> {
            Map<Long, String> loaded = new HashMap<>();
            for (TokenView token : tokens.list()) {
                loaded.put(token.id(), token.name());
            }
            return loaded;
        }, loaded -> {
            names = Map.copyOf(loaded);
            loading = false;
        }, failure -> {
            LOG.error("Request log: loading token names failed", failure);
            loading = false;
        });
    }

    /**
     * Returns the name of token {@code id}, {@code token #id} while it is unknown, or {@code null}
     * for a {@code null} id. An unknown id starts a reload, because the token is newer than the names.
     */
    public String nameOf(Long id) {
        if (id == null) {
            return null;
        }
        String name = names.get(id);
        if (name != null) {
            return name;
        }
        if (!loading) {
            reload();
            // An executor that runs work at once has the names already.
            name = names.get(id);
        }
        return name != null ? name : "token #" + id;
    }
}
