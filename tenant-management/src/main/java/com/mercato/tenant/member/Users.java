package com.mercato.tenant.member;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** People with a login. E-mail addresses are stored lowercase and are unique platform-wide. */
@Service
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT id, email, name FROM public.users WHERE email = ?")
                .param(normalizeEmail(email))
                .query((rs, n) -> new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name")))
                .optional();
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT id, email, name FROM public.users WHERE id = ?")
                .param(id)
                .query((rs, n) -> new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name")))
                .optional();
    }

    /** Whether this is the password of the login with this e-mail (false when there is none). */
    public boolean passwordMatches(String email, String rawPassword) {
        return rawPassword != null && credentialsOf(email)
                .map(credentials -> passwordEncoder.matches(rawPassword, credentials.passwordHash()))
                .orElse(false);
    }

    public Optional<Credentials> credentialsOf(String email) {
        return jdbc.sql("SELECT id, email, name, password_hash FROM public.users WHERE email = ?")
                .param(normalizeEmail(email))
                .query((rs, n) -> new Credentials(
                        new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name")),
                        rs.getString("password_hash")))
                .optional();
    }

    /** Inserts a new person; the caller's transaction decides, and a taken e-mail fails on the unique key. */
    public User register(String email, String name, String rawPassword) {
        User user = new User(UUID.randomUUID(), normalizeEmail(email), name.strip());
        jdbc.sql("INSERT INTO public.users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(user.id(), user.email(), user.name(), passwordEncoder.encode(rawPassword),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return user;
    }

    /** What the login needs: the person and the stored hash. */
    public record Credentials(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }
}
