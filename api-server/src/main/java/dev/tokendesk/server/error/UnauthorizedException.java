package dev.tokendesk.server.error;

/**
 * 401: a credential was presented and is not valid, or an endpoint needs one and none came.
 * The response carries {@code WWW-Authenticate: Bearer}, with {@code error="invalid_token"} when
 * a credential was presented.
 */
public class UnauthorizedException extends ApiException {

    private final boolean credentialPresented;

    public UnauthorizedException(String message, boolean credentialPresented) {
        super(401, "UnauthorizedError", message);
        this.credentialPresented = credentialPresented;
    }

    public String wwwAuthenticate() {
        if (!credentialPresented) {
            return "Bearer realm=\"tokendesk\"";
        }
        String description = getMessage().replace("\\", "\\\\").replace("\"", "'");
        return "Bearer realm=\"tokendesk\", error=\"invalid_token\", error_description=\"" + description + "\"";
    }
}
