package dev.tokendesk.audit;

/** The program through which an admin made a change. */
public enum Actor {
    CONSOLE("console"),
    CLI("cli"),
    API("api");

    private final String dbValue;

    Actor(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }
}
