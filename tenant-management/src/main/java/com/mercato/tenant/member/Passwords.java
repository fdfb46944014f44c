package com.mercato.tenant.member;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.mercato.core.problem.FieldErrors;

/** Checking and changing a person's password. The hash never leaves this class. */
@Service
public class Passwords {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Passwords(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public boolean matches(UUID userId, String rawPassword) {
        return rawPassword != null && jdbc.sql("SELECT password_hash FROM public.users WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .map(hash -> encoder.matches(rawPassword, hash))
                .orElse(false);
    }

    /** Sets a new password that passes the {@link PasswordPolicy}, or throws a 400 naming {@code field}. */
    public void change(User user, String rawPassword, String field) {
        new FieldErrors().check(field, PasswordPolicy.problemWith(rawPassword, user.email())).throwIfAny();
        jdbc.sql("UPDATE public.users SET password_hash = ? WHERE id = ?")
                .params(encoder.encode(rawPassword), user.id())
                .update();
    }
}
