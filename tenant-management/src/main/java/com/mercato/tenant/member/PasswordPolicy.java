package com.mercato.tenant.member;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: 10 characters or more, at most 72 bytes (bcrypt reads no
 * further), letters and something else unless it is a long passphrase, not a well-known
 * password, and not the e-mail address itself.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password123", "1234567890", "qwertyuiop", "123456789a", "iloveyou12",
            "passw0rd12", "letmein123", "welcome123", "admin12345", "qwerty1234", "abcdefghij", "abc1234567");

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is fine. */
    public static Optional<String> problemWith(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (password.length() < 10) {
            return Optional.of("must be at least 10 characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("must be at most 72 bytes long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is too common");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (lower.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("must not contain your e-mail address");
            }
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (password.length() < 16 && !(letters && others)) {
            return Optional.of("must mix letters with digits or symbols (or be 16 characters or longer)");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("is too repetitive");
        }
        return Optional.empty();
    }
}
