package dev.tokendesk.server.error;

import java.util.Collection;
import java.util.TreeSet;

/** A 405: the path exists but does not take the request's method. {@link ErrorMapper} sends the Allow header. */
public final class MethodNotAllowedException extends ApiException {

    private final String allow;

    MethodNotAllowedException(String method, String path, Collection<String> allowed) {
        this(method, path, String.join(", ", withHead(allowed)));
    }

    private MethodNotAllowedException(String method, String path, String allow) {
        super(405, "MethodNotAllowedError", "Method " + method + " is not allowed on " + path + "; allowed: " + allow);
        this.allow = allow;
    }

    /** Returns {@code allowed} sorted, with HEAD added where GET is allowed, because every GET route also serves HEAD. */
    private static TreeSet<String> withHead(Collection<String> allowed) {
        TreeSet<String> sorted = new TreeSet<>(allowed);
        if (sorted.contains("GET")) {
            sorted.add("HEAD");
        }
        return sorted;
    }

    /** Returns the value of the Allow header: the allowed methods, sorted and separated by commas. */
    public String allow() {
        return allow;
    }
}
