package dev.tokendesk.console.server;

/** Lifecycle of the in-process API server as the console shows it. */
public enum ServerState {
    STARTING("Starting"),
    RUNNING("Running"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    FAILED("Failed");

    private final String label;

    ServerState(String label) {
        this.label = label;
    }

    /** Returns the word shown on the dashboard, such as {@code Running}. */
    public String label() {
        return label;
    }
}
