package dev.tokendesk.console.dialog;

import java.util.Objects;

/**
 * Content of the dialog that shows a JWT issued from the console for trying the API as a user.
 * {@link #toString()} leaves the JWT and the curl command out, because both contain the secret.
 *
 * @param username user the JWT acts as
 * @param jwt the signed JWT
 * @param curlCommand curl command that calls {@code GET /api/users/me} with the JWT, or {@code null} while the server is stopped
 * @param note when the JWT stops working, and why there is no curl command if there is none
 */
public record TestJwtDetails(String username, String jwt, String curlCommand, String note) {

    public TestJwtDetails {
        Objects.requireNonNull(jwt, "jwt");
    }

    /** Builds the details with a curl command against the server at {@code baseUrl}, or none when it is empty. */
    public static TestJwtDetails of(String username, String jwt, String baseUrl, String expiryNote) {
        if (baseUrl == null || baseUrl.isEmpty()) {
            return new TestJwtDetails(username, jwt, null,
                    expiryNote + " The API server is not running, so there is no curl command yet. Start it on the Dashboard.");
        }
        String curl = "curl -H \"Authorization: Bearer " + jwt + "\" " + baseUrl + "/api/users/me";
        return new TestJwtDetails(username, jwt, curl, expiryNote);
    }

    @Override
    public String toString() {
        return "TestJwtDetails[username=" + username + ", hasCurl=" + (curlCommand != null) + "]";
    }
}
