package dev.tokendesk;

/** A user, role, token, content type or entry that the caller named does not exist. */
public class NotFoundException extends TokenDeskException {

    private final String kind;
    private final String key;

    public NotFoundException(String kind, Object key) {
        super(kind + " not found: " + key);
        this.kind = kind;
        this.key = String.valueOf(key);
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }
}
