package dev.tokendesk.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the stored form of a token: HMAC-SHA256 of the whole token under the installation's
 * key, base64url without padding (43 characters). Version 1 of the hash; the version is stored
 * next to each hash so a later version can coexist with issued tokens.
 *
 * <p>Immutable and thread-safe: each call uses its own {@link Mac}.
 */
public final class TokenHasher {

    public static final int VERSION = 1;

    private final SecretKeySpec key;

    public TokenHasher(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
