package com.mercato.core.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A shop's address: lowercase letters, digits and inner hyphens, 3 to 40 characters, not a reserved word. */
public record Slug(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");

    static final Set<String> RESERVED = Set.of(
            "admin", "api", "www", "public", "app", "auth", "login", "logout", "signup", "oauth2", "oauth",
            "static", "assets", "cdn", "mail", "email", "help", "support", "status", "docs", "billing",
            "dev", "root", "system", "mercato", "actuator", "dashboard", "settings", "account", "accounts",
            "shops", "shop", "null", "undefined", "postgres", "pg-catalog", "information-schema");

    public Slug {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Why the text is not a usable slug, or empty when it is. */
    public static Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (value.length() < 3 || value.length() > 40) {
            return Optional.of("must be 3 to 40 characters long");
        }
        if (!SHAPE.matcher(value).matches()) {
            return Optional.of("may contain only lowercase letters, digits and hyphens, and must not start or end with a hyphen");
        }
        if (value.contains("--")) {
            return Optional.of("must not contain two hyphens in a row");
        }
        if (RESERVED.contains(value)) {
            return Optional.of("is reserved");
        }
        return Optional.empty();
    }

    /** A slug proposal from a shop name ("Kowloon Tea House!" becomes "kowloon-tea-house"). */
    public static String suggestFrom(String name) {
        String s = name == null ? "" : name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s;
    }

    @Override
    public String toString() {
        return value;
    }
}
