package dev.tokendesk.console.users;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.user.UserView;

/**
 * One line of the users table, ready to display. Immutable.
 *
 * @param statusText {@code Blocked} or {@code Active}
 */
public record UserRow(long id, String username, String email, String role, boolean blocked, String statusText, String created) {

    static UserRow of(UserView user) {
        return new UserRow(user.id(), user.username(), user.email(), user.roleName(), user.blocked(),
                user.blocked() ? "Blocked" : "Active", DisplayTime.format(user.createdAt(), ""));
    }
}
