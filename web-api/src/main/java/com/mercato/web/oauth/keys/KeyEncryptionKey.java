package com.mercato.web.oauth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals signing keys at rest (AES-256-GCM). It never lives in the database it
 * protects: it comes from {@code MERCATO_KEY_ENCRYPTION_KEY} (base64 of 32 bytes), or on a
 * single-machine default from a file generated once in the data folder. Its value is never
 * logged; {@link #id()} is a fingerprint safe to store and print.
 */
public final class KeyEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String id;

    private KeyEncryptionKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("The key-encryption key must be 32 bytes (base64-encoded), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.id = fingerprint(raw);
        Arrays.fill(raw, (byte) 0);
    }

    /** From configuration: base64 (standard or URL-safe) of 32 random bytes. */
    public static KeyEncryptionKey fromBase64(String encoded) {
        String trimmed = encoded.strip();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            try {
                raw = Base64.getUrlDecoder().decode(trimmed);
            } catch (IllegalArgumentException again) {
                throw new IllegalStateException("MERCATO_KEY_ENCRYPTION_KEY is not base64", again);
            }
        }
        return new KeyEncryptionKey(raw);
    }

    /** The key in this file, generated on first use (readable by this user only). */
    public static KeyEncryptionKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(file, permissionsIfPosix(file));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                    log.info("Generated a key-encryption key for signing keys in {}; keep this file with the data", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                }
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key file " + file.toAbsolutePath(), e);
        }
    }

    public static KeyEncryptionKey random() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return new KeyEncryptionKey(raw);
    }

    /** A fingerprint of the key (not the key): which key sealed a row. */
    public String id() {
        return id;
    }

    /** iv || ciphertext+tag; {@code context} is bound as associated data (the row's kid), so rows cannot be swapped. */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a signing key", e);
        }
    }

    public byte[] open(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open signing key " + context + ": wrong key-encryption key or tampered row", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }

    private static String fingerprint(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] permissionsIfPosix(Path file) {
        boolean posix = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }
}
