package dev.tokendesk.role;

import dev.tokendesk.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An operation on a content type that a role or a token scope can grant, named as Strapi names it. */
public enum Action {
    FIND("find"),
    FIND_ONE("findOne"),
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String apiName;

    Action(String apiName) {
        this.apiName = apiName;
    }

    /** Returns the name used in the database, the CLI and the console, such as {@code findOne}. */
    public String apiName() {
        return apiName;
    }

    /** Returns whether the action only reads, as the read-only token scope allows. */
    public boolean isRead() {
        return this == FIND || this == FIND_ONE;
    }

    /**
     * Parses an action name, ignoring case.
     *
     * @throws ValidationException naming the value and the accepted names when it is none of them
     */
    public static Action parse(String name) {
        for (Action action : values()) {
            if (action.apiName.equalsIgnoreCase(name.trim())) {
                return action;
            }
        }
        String accepted = Arrays.stream(values()).map(Action::apiName).collect(Collectors.joining(", "));
        throw ValidationException.of("action", "Unknown action '" + name + "': use one of " + accepted);
    }

    @Override
    public String toString() {
        return apiName;
    }
}
