package com.mercato.tenant.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mercato.core.secret.SecretTokens;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.mail.Mailer;
import com.mercato.tenant.mail.OutgoingMail;
import com.mercato.tenant.member.MemberDeactivated;
import com.mercato.tenant.member.Passwords;
import com.mercato.tenant.member.User;
import com.mercato.tenant.member.Users;

/**
 * Password reset by e-mail: a single-use link valid for an hour. Only the token's SHA-256 is
 * stored. Setting the new password ends every session of that person (through
 * {@link MemberDeactivated} with no shop, after the commit).
 */
@Service
public class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final Passwords passwords;
    private final Mailer mailer;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;

    PasswordResets(JdbcClient jdbc, Users users, Passwords passwords, Mailer mailer, AuditLog audit,
                   ApplicationEventPublisher events, Clock clock, @Value("${mercato.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.mailer = mailer;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Mails a reset link when a person has this e-mail; says nothing either way. */
    @Transactional
    public void request(String email, String ip) {
        users.findByEmail(email).ifPresent(user -> {
            String token = SecretTokens.random();
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO public.password_reset_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                    .params(SecretTokens.sha256Hex(token), user.id(), Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)))
                    .update();
            audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, user.id().toString(), "password.reset-requested",
                    null, Map.of(), ip));
            mailer.send(new OutgoingMail(user.email(), "Reset your Mercato password", """
                    Hello %s,

                    someone (hopefully you) asked to reset the password of your Mercato login.
                    Open this link within an hour to choose a new one:

                    %s/password-reset/%s

                    If it was not you, ignore this e-mail: your password stays as it is.
                    """.formatted(user.name(), publicUrl, token)));
            log.info("Password reset link mailed to user {}", user.id());
        });
    }

    /** Sets the password through a reset link and uses the link up; every session of the person ends. */
    @Transactional
    public User reset(String token, String newPassword, String ip) {
        Instant now = clock.instant();
        Link link = jdbc.sql("SELECT user_id, expires_at, used_at FROM public.password_reset_tokens WHERE token_hash = ? FOR UPDATE")
                .param(SecretTokens.sha256Hex(token == null ? "" : token))
                .query((rs, n) -> new Link(rs.getObject("user_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional()
                .orElseThrow(() -> PasswordResetProblems.RESET_LINK_INVALID.exception(
                        "This password reset link is not valid. Ask for a new one."));
        if (link.usedAt() != null) {
            throw PasswordResetProblems.RESET_LINK_USED.exception("This password reset link was already used. Ask for a new one if you need to.");
        }
        if (!now.isBefore(link.expiresAt())) {
            throw PasswordResetProblems.RESET_LINK_EXPIRED.exception("This password reset link has expired (they last an hour). Ask for a new one.");
        }
        User user = users.findById(link.userId()).orElseThrow(() -> PasswordResetProblems.RESET_LINK_INVALID.exception(
                "This password reset link is not valid. Ask for a new one."));
        passwords.change(user, newPassword, "password");
        // Every open link of this person dies with the change, not only the one used.
        jdbc.sql("UPDATE public.password_reset_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), user.id())
                .update();
        audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, user.id().toString(), "password.reset", null, Map.of(), ip));
        events.publishEvent(new MemberDeactivated(null, user.id(), "password-reset", now));
        return user;
    }

    /** Whether a link can still be used, for the reset page (which shows the form or says why not). */
    public boolean isUsable(String token) {
        return jdbc.sql("SELECT count(*) FROM public.password_reset_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(SecretTokens.sha256Hex(token == null ? "" : token), Timestamp.from(clock.instant()))
                .query(Integer.class)
                .single() > 0;
    }

    private record Link(UUID userId, Instant expiresAt, Instant usedAt) {
    }
}
