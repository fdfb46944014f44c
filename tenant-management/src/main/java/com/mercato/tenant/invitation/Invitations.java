package com.mercato.tenant.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.secret.SecretTokens;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Actor;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.member.Seats;
import com.mercato.tenant.member.TeamProblems;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.shop.Shop;
import com.mercato.tenant.shop.Shops;

/**
 * Inviting people to a shop: create, list, resend, revoke. Creating and resending take a seat
 * under the shop's seat lock ({@link Seats}); the e-mail is queued in the same transaction
 * (the mail outbox), so a rolled-back invitation never mails a link and a saved one always does.
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Seats seats;
    private final Shops shops;
    private final Users users;
    private final AuditLog audit;
    private final InvitationMail mail;
    private final Clock clock;

    Invitations(JdbcClient jdbc, TransactionTemplate transactions, Seats seats, Shops shops, Users users, AuditLog audit,
                InvitationMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seats = seats;
        this.shops = shops;
        this.users = users;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Invites a person by e-mail. 403 unless an owner or admin asks (an admin cannot invite an
     * owner); 409 when the person is already an active member or has a pending invitation
     * (resend that one); 402 when no seat is free. An expired invitation to the same address is
     * replaced.
     */
    public Invitation invite(TenantId shopId, Actor actor, String email, String role) {
        requireManager(actor);
        FieldErrors errors = new FieldErrors();
        errors.require(email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches(), "email",
                "must be an e-mail address");
        Role parsed = null;
        try {
            parsed = role == null ? null : Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.require(parsed != null, "role", "must be OWNER, ADMIN or AGENT");
        errors.throwIfAny();
        Role invitedRole = parsed;
        requireMayInvite(actor, invitedRole);
        String normalized = Users.normalizeEmail(email);
        Shop shop = shops.findById(shopId).orElseThrow();
        String token = SecretTokens.random();
        Invitation created = transactions.execute(tx -> {
            seats.lock(shopId);
            Instant now = clock.instant();
            if (isActiveMember(shopId, normalized)) {
                throw TeamProblems.ALREADY_MEMBER.exception("This person is already a member of the shop.");
            }
            List<Invitation> open = jdbc.sql("SELECT " + InvitationRows.COLUMNS
                            + " FROM public.invitations i WHERE i.tenant_id = ? AND i.email = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL")
                    .params(shopId.value(), normalized).query((rs, n) -> InvitationRows.map(rs)).list();
            for (Invitation previous : open) {
                if (previous.statusAt(now) == InvitationStatus.PENDING) {
                    throw new ProblemException(TeamProblems.ALREADY_INVITED,
                            "This person already has a pending invitation; resend it instead.",
                            List.of(), Map.of("invitationId", previous.id().toString()));
                }
                // expired: it holds no seat; close it so the new one is the only open invitation
                jdbc.sql("UPDATE public.invitations SET revoked_at = ? WHERE id = ?").params(Timestamp.from(now), previous.id()).update();
            }
            seats.requireFreeSeat(shopId, null, "invite another person");
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO public.invitations (id, tenant_id, email, role, token_hash, invited_by, created_at, sent_at, expires_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, shopId.value(), normalized, invitedRole.name(), SecretTokens.sha256(token), actor.userId(),
                            Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)))
                    .update();
            record(shopId, actor, "invitation.created", id, normalized, invitedRole);
            Invitation invitation = find(shopId, id).orElseThrow();
            deliver(invitation, shop, token, actor);
            return invitation;
        });
        return created;
    }

    /** The shop's open invitations (pending, and expired ones that can still be resent), newest first. */
    public List<Invitation> open(TenantId shopId) {
        return jdbc.sql("SELECT " + InvitationRows.COLUMNS + """
                         FROM public.invitations i
                        WHERE i.tenant_id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL
                        ORDER BY i.created_at DESC""")
                .param(shopId.value()).query((rs, n) -> InvitationRows.map(rs)).list();
    }

    /**
     * A new link and a new 7-day expiry; the old link stops working at once. An expired
     * invitation can be resent too, but needs a free seat again (402 otherwise).
     */
    public Invitation resend(TenantId shopId, Actor actor, UUID invitationId) {
        requireManager(actor);
        Shop shop = shops.findById(shopId).orElseThrow();
        String token = SecretTokens.random();
        Invitation resent = transactions.execute(tx -> {
            seats.lock(shopId);
            Invitation invitation = lockOpen(shopId, invitationId);
            requireMayInvite(actor, invitation.role());
            seats.requireFreeSeat(shopId, invitation.id(), "resend this invitation");
            Instant now = clock.instant();
            jdbc.sql("UPDATE public.invitations SET token_hash = ?, sent_at = ?, expires_at = ? WHERE id = ?")
                    .params(SecretTokens.sha256(token), Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)), invitation.id())
                    .update();
            record(shopId, actor, "invitation.resent", invitation.id(), invitation.email(), invitation.role());
            Invitation updated = find(shopId, invitation.id()).orElseThrow();
            deliver(updated, shop, token, actor);
            return updated;
        });
        return resent;
    }

    /** Revokes an open invitation: its link stops working and its seat is free at once. */
    public void revoke(TenantId shopId, Actor actor, UUID invitationId) {
        requireManager(actor);
        transactions.executeWithoutResult(tx -> {
            Invitation invitation = lockOpen(shopId, invitationId);
            requireMayInvite(actor, invitation.role());
            jdbc.sql("UPDATE public.invitations SET revoked_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), invitation.id()).update();
            record(shopId, actor, "invitation.revoked", invitation.id(), invitation.email(), invitation.role());
        });
    }

    private Invitation lockOpen(TenantId shopId, UUID invitationId) {
        return jdbc.sql("SELECT " + InvitationRows.COLUMNS + """
                         FROM public.invitations i
                        WHERE i.tenant_id = ? AND i.id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL
                        FOR UPDATE""")
                .params(shopId.value(), invitationId).query((rs, n) -> InvitationRows.map(rs)).optional()
                .orElseThrow(() -> CoreProblems.NOT_FOUND.exception("This shop has no open invitation with this id."));
    }

    private java.util.Optional<Invitation> find(TenantId shopId, UUID id) {
        return jdbc.sql("SELECT " + InvitationRows.COLUMNS + " FROM public.invitations i WHERE i.tenant_id = ? AND i.id = ?")
                .params(shopId.value(), id).query((rs, n) -> InvitationRows.map(rs)).optional();
    }

    private boolean isActiveMember(TenantId shopId, String email) {
        return jdbc.sql("""
                        SELECT count(*) FROM public.memberships m JOIN public.users u ON u.id = m.user_id
                        WHERE m.tenant_id = ? AND u.email = ? AND m.status = 'ACTIVE'""")
                .params(shopId.value(), email).query(Integer.class).single() > 0;
    }

    /** Queues the e-mail in this transaction (the outbox): it goes out if and only if the invitation commits. */
    private void deliver(Invitation invitation, Shop shop, String token, Actor actor) {
        String inviter = users.findById(actor.userId()).map(u -> u.name()).orElse(null);
        mail.send(invitation.email(), shop.name(), invitation.role(), token, inviter);
    }

    private void record(TenantId shopId, Actor actor, String action, UUID invitationId, String email, Role role) {
        audit.record(new AuditEntry(shopId, AuditEntry.ActorType.USER, actor.userId().toString(), action, null,
                Map.of("invitationId", invitationId.toString(), "email", email, "role", role.name()), actor.ip()));
    }

    private static void requireManager(Actor actor) {
        if (!actor.manages()) {
            throw CoreProblems.FORBIDDEN.exception("Only an owner or an admin can manage invitations.");
        }
    }

    private static void requireMayInvite(Actor actor, Role role) {
        requireManager(actor);
        if (role == Role.OWNER && actor.role() != Role.OWNER) {
            throw CoreProblems.FORBIDDEN.exception("Only an owner can invite an owner.");
        }
    }
}
