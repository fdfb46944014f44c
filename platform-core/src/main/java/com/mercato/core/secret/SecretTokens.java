package com.mercato.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets in links (invitations, password resets) and the digests we store or key by instead of
 * the secret itself. A SHA-256 of a 256-bit random value needs no salt or slow hashing to be safe;
 * for personal data in Redis keys (an e-mail) it keeps the value out of the key.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Length of {@link #random()}: 32 bytes, URL-safe Base64 without padding. */
    public static final int LENGTH = 43;

    private SecretTokens() {
    }

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a {@link #random()} token at all; anything else needs no lookup. */
    public static boolean plausible(String token) {
        return token != null && token.length() == LENGTH
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }
}
