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
 * <p>Thread-safe: each thread keeps its own {@link Mac}, initialized once with the key, because
 * looking up and initializing a {@code Mac} costs more than the HMAC of a token.
 */
public final class TokenHasher {

    public static final int VERSION = 1;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final ThreadLocal<Mac> macs;

    public TokenHasher(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    public String hash(String token) {
        // doFinal leaves the Mac reset and ready for the next token.
        byte[] digest = macs.get().doFinal(token.getBytes(StandardCharsets.US_ASCII));
        return ENCODER.encodeToString(digest);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
