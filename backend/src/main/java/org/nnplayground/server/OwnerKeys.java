package org.nnplayground.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Owner keys: the secret that lets one browser (or script) change and delete the models it saved. The server
 * hands one out with a first save, keeps only its SHA-256, and reads it back from {@code Authorization: Bearer
 * KEY}. A key is 32 random bytes, so its hash needs no salt; a key of another form is refused, so nobody owns
 * models under a guessable key.
 */
final class OwnerKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("nnp_[A-Za-z0-9_-]{43}");

    private OwnerKeys() {
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "nnp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Who a request comes from: the owner key it presents (null for none), and whether it is the host's admin key. */
    record Caller(String key, boolean admin) {
        String keyHash() {
            return key == null ? null : hash(key);
        }
    }

    /** The caller of a request; a malformed key is a 401. {@code adminKey} is null when the host set none. */
    static Caller caller(Context ctx, String adminKey) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return new Caller(null, false);
        }
        String key = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (adminKey != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), adminKey.getBytes(StandardCharsets.UTF_8))) {
            return new Caller(null, true);
        }
        if (!FORM.matcher(key).matches()) {
            throw new ApiException(401, "bad_owner_key",
                    "the Authorization header must be \"Bearer \" and an owner key as the server gave it (nnp_...)");
        }
        return new Caller(key, false);
    }

    /** Compares two hashes in time independent of where they differ. */
    static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
