package dev.tokendesk.user;

/** Column by which a page of users is sorted; ties are broken by id, so paging is stable. */
public enum UserSort {
    USERNAME("u.usernameKey"),
    EMAIL("u.emailKey"),
    CREATED("u.createdAt"),
    ROLE("r.name"),
    /** Active users before blocked ones when ascending. */
    STATUS("u.blocked");

    private final String path;

    UserSort(String path) {
        this.path = path;
    }

    /** Returns the HQL path to order by, with {@code u} the user and {@code r} their role. */
    String path() {
        return path;
    }
}
