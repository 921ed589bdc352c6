package dev.tokendesk.server.error;

import java.util.Collection;
import java.util.TreeSet;

/** A 405: the path exists but does not take the request's method. {@link ErrorMapper} sends the Allow header. */
public final class MethodNotAllowedException extends ApiException {

    private final String allow;

    MethodNotAllowedException(String method, String path, Collection<String> allowed) {
        this(method, path, String.join(", ", new TreeSet<>(allowed)));
    }

    private MethodNotAllowedException(String method, String path, String allow) {
        super(405, "MethodNotAllowedError", "Method " + method + " is not allowed on " + path + "; allowed: " + allow);
        this.allow = allow;
    }

    /** Returns the value of the Allow header: the allowed methods, sorted and separated by commas. */
    public String allow() {
        return allow;
    }
}
