package dev.tokendesk.token;

/**
 * A token right after it was issued: the only moment the clear value exists outside the caller's
 * hands. {@link #toString()} leaves the value out, so it cannot leak into a log by accident.
 *
 * @param token the clear token, to show once
 * @param view the stored token's description
 */
public record IssuedToken(String token, TokenView view) {

    @Override
    public String toString() {
        return "IssuedToken[view=" + view + "]";
    }
}
