package dev.tokendesk.console.users;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.user.UserView;

/** One line of the users table, ready to display. Immutable. */
public record UserRow(long id, String username, String email, String role, String blocked, String created) {

    static UserRow of(UserView user) {
        return new UserRow(user.id(), user.username(), user.email(), user.roleName(), user.blocked() ? "Blocked" : "",
                DisplayTime.format(user.createdAt(), ""));
    }
}
