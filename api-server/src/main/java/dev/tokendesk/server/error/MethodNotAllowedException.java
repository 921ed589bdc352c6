package dev.tokendesk.server.error;

import java.util.Collection;
import java.util.TreeSet;

/** A 405: the path exists but does not take the request's method. {@link ErrorMapper} sends the Allow header. */
public final class MethodNotAllowedException extends ApiException {

    private final String allow;

    MethodNotAllowedException(String method, String path, Collection<String> allowed) {
        super(405, "MethodNotAllowedError", "Method " + method + " is not allowed on " + path + "; allowed: "
                + String.join(", ", new TreeSet<>(allowed)));
        this.allow = String.join(", ", new TreeSet<>(allowed));
    }

    /** Returns the value of the Allow header: the allowed methods, sorted and separated by commas. */
    public String allow() {
        return allow;
    }
}
