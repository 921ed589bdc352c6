package dev.tokendesk.user;

/**
 * Input an admin enters to create a user.
 *
 * @param username unique name, compared without regard to case
 * @param email unique email address, compared without regard to case
 * @param password clear password, hashed before it is stored
 * @param roleName role to give, or {@code null} for Authenticated
 */
public record NewUser(String username, String email, String password, String roleName) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", roleName=" + roleName + "]";
    }
}
