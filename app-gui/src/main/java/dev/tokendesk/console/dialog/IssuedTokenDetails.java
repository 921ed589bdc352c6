package dev.tokendesk.console.dialog;

import java.util.Objects;

/**
 * Content of the dialog that shows a new token once.
 *
 * <p>{@link #toString()} leaves the token, the URL and both commands out, because each of them
 * contains the secret.
 *
 * @param tokenName name the admin gave the token
 * @param ownerUsername user the token acts as
 * @param token the clear token
 * @param url ready {@code GET} URL with {@code ?token=} for a collection the owner may read, or {@code null}
 * @param curlCommand curl command that sends the token in the {@code Authorization} header, or {@code null}
 * @param httpieCommand HTTPie command that sends the token in the {@code Authorization} header, or {@code null}
 * @param noUrlReason why there is no URL and no curl command; {@code null} when there are
 */
public record IssuedTokenDetails(String tokenName, String ownerUsername, String token, String url, String curlCommand,
                                 String httpieCommand, String noUrlReason) {

    public IssuedTokenDetails {
        Objects.requireNonNull(token, "token");
        if ((url == null) != (noUrlReason != null)) {
            throw new IllegalArgumentException("Either a URL or the reason why there is none is required");
        }
    }

    /** Builds the details for a token that can read {@code pluralName} on the server at {@code baseUrl}. */
    public static IssuedTokenDetails withCollection(String tokenName, String ownerUsername, String token, String baseUrl,
                                                    String pluralName) {
        String collectionUrl = baseUrl + "/api/" + pluralName;
        String curl = "curl -H \"Authorization: Bearer " + token + "\" " + collectionUrl;
        // HTTPie reads "Name:value" arguments as request headers.
        String httpie = "http GET " + collectionUrl + " \"Authorization:Bearer " + token + "\"";
        return new IssuedTokenDetails(tokenName, ownerUsername, token, collectionUrl + "?token=" + token, curl, httpie, null);
    }

    /** Builds the details for a token without a ready URL, saying why. */
    public static IssuedTokenDetails withoutUrl(String tokenName, String ownerUsername, String token, String reason) {
        return new IssuedTokenDetails(tokenName, ownerUsername, token, null, null, null, reason);
    }

    public boolean hasUrl() {
        return url != null;
    }

    @Override
    public String toString() {
        return "IssuedTokenDetails[tokenName=" + tokenName + ", ownerUsername=" + ownerUsername + ", hasUrl=" + hasUrl() + "]";
    }
}
