package com.mercato.tenant.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.FieldProblem;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.secret.SecretTokens;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Member;
import com.mercato.tenant.member.Members;
import com.mercato.tenant.member.PasswordPolicy;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.member.Seats;
import com.mercato.tenant.member.TeamProblems;
import com.mercato.tenant.member.User;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.shop.Shop;
import com.mercato.tenant.shop.Shops;
import com.mercato.tenant.shop.TenantProblems;

/**
 * The invitee's side: what an invitation link is for, and accepting it. A person without a
 * login sets a name and password; a person who already has one (same e-mail) proves it with
 * that password and gains a membership, so one login reaches several shops.
 *
 * <p>Unknown tokens answer 404; expired, revoked or used ones 410 {@code /problems/invitation-invalid}
 * with the reason in {@code reason} ({@code EXPIRED}, {@code REVOKED}, {@code ACCEPTED}, or
 * {@code SHOP_CLOSED} for a suspended or cancelled shop).
 */
@Service
public class InvitationAcceptance {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Seats seats;
    private final Shops shops;
    private final Users users;
    private final Members members;
    private final AuditLog audit;
    private final Clock clock;

    InvitationAcceptance(JdbcClient jdbc, TransactionTemplate transactions, Seats seats, Shops shops, Users users,
                         Members members, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seats = seats;
        this.shops = shops;
        this.users = users;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the link is for; {@code existingLogin} tells the page to ask only for the password. */
    public record Preview(String shopName, String shopSlug, String email, Role role, Instant expiresAt, boolean existingLogin) {
    }

    public Preview preview(String token) {
        Invitation invitation = usable(token);
        Shop shop = serving(invitation);
        return new Preview(shop.name(), shop.slug(), invitation.email(), invitation.role(), invitation.expiresAt(),
                users.findByEmail(invitation.email()).isPresent());
    }

    /**
     * Accepts: 400 with field errors for a missing name or a weak password (new login), 401 for
     * a wrong password (existing login), 409 when the person is already an active member, 402
     * when the shop's active members already fill its seats (see {@link Seats#requireSeatForAccept}).
     */
    public Joined accept(String token, String name, String password, String ip) {
        Invitation invitation = usable(token);
        serving(invitation);
        Optional<User> existing = users.findByEmail(invitation.email());
        if (existing.isPresent()) {
            if (!users.passwordMatches(invitation.email(), password)) {
                throw new ProblemException(TeamProblems.PASSWORD_INCORRECT,
                        "This e-mail already has a Mercato login; enter that login's password to join the shop.",
                        List.of(new FieldProblem("password", "is not the password of your existing login")), Map.of());
            }
        } else {
            FieldErrors errors = new FieldErrors();
            errors.require(name != null && !name.isBlank() && name.length() <= 200, "name",
                    "must not be blank, and at most 200 characters");
            errors.check("password", PasswordPolicy.problemWith(password, invitation.email()));
            errors.throwIfAny();
        }
        UUID userId;
        try {
            userId = transactions.execute(tx -> join(token, invitation, existing, name, password, ip));
        } catch (DuplicateKeyException e) {
            // someone registered this e-mail between our look-up and the insert (another shop's invitation)
            throw new ProblemException(TenantProblems.EMAIL_REGISTERED,
                    "This e-mail has just got a Mercato login. Open the link again and enter that login's password.",
                    List.of(), Map.of());
        }
        String slug = shops.findById(invitation.shopId()).map(Shop::slug).orElseThrow();
        return new Joined(slug, members.find(invitation.shopId(), userId).orElseThrow());
    }

    /** The shop joined, and the new member as the team list shows them. */
    public record Joined(String shopSlug, Member member) {
    }

    private UUID join(String token, Invitation seen, Optional<User> existing, String name, String password, String ip) {
        // The seat lock first, then the invitation, in the same order as resending, so they never deadlock.
        seats.lock(seen.shopId());
        Invitation invitation = jdbc.sql("SELECT " + InvitationRows.COLUMNS + " FROM public.invitations i WHERE i.token_hash = ? FOR UPDATE")
                .param(SecretTokens.sha256(token)).query((rs, n) -> InvitationRows.map(rs)).optional()
                .orElseThrow(InvitationAcceptance::unknown);
        Instant now = clock.instant();
        requirePending(invitation, now);
        if (existing.isPresent() && isActiveMember(invitation, existing.get().id())) {
            throw TeamProblems.ALREADY_MEMBER.exception("You are already a member of this shop; just log in.");
        }
        seats.requireSeatForAccept(invitation.shopId());
        UUID userId = existing.map(User::id).orElseGet(() -> users.register(invitation.email(), name, password).id());
        // A former member (deactivated) comes back with the invited role.
        jdbc.sql("""
                        INSERT INTO public.memberships (id, tenant_id, user_id, role, status, activated_at, created_at)
                        VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE
                        SET role = excluded.role, status = 'ACTIVE', activated_at = excluded.activated_at""")
                .params(UUID.randomUUID(), invitation.shopId().value(), userId, invitation.role().name(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        jdbc.sql("UPDATE public.invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?")
                .params(Timestamp.from(now), userId, invitation.id()).update();
        audit.record(new AuditEntry(invitation.shopId(), AuditEntry.ActorType.USER, userId.toString(), "invitation.accepted", null,
                Map.of("invitationId", invitation.id().toString(), "email", invitation.email(), "role", invitation.role().name(),
                        "newLogin", existing.isEmpty()), ip));
        return userId;
    }

    private boolean isActiveMember(Invitation invitation, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM public.memberships WHERE tenant_id = ? AND user_id = ? AND status = 'ACTIVE'")
                .params(invitation.shopId().value(), userId).query(Integer.class).single() > 0;
    }

    /** The invitation behind a token, if it can still be accepted; the right problem otherwise. */
    private Invitation usable(String token) {
        if (!SecretTokens.plausible(token)) {
            throw unknown();
        }
        Invitation invitation = jdbc.sql("SELECT " + InvitationRows.COLUMNS + " FROM public.invitations i WHERE i.token_hash = ?")
                .param(SecretTokens.sha256(token)).query((rs, n) -> InvitationRows.map(rs)).optional()
                .orElseThrow(InvitationAcceptance::unknown);
        requirePending(invitation, clock.instant());
        return invitation;
    }

    /** The invitation's shop, if it is open; a suspended, cancelled or closing shop takes nobody in. */
    private Shop serving(Invitation invitation) {
        Shop shop = shops.findById(invitation.shopId()).orElseThrow(InvitationAcceptance::unknown);
        if (!shop.status().isServing() || shop.status() == com.mercato.tenant.shop.ShopStatus.SUSPENDED
                || shop.status() == com.mercato.tenant.shop.ShopStatus.CANCELLED) {
            throw new ProblemException(TeamProblems.INVITATION_INVALID,
                    "This shop is not open at the moment, so it cannot take new members. Ask its owner.",
                    List.of(), Map.of("reason", "SHOP_CLOSED"));
        }
        return shop;
    }

    private static void requirePending(Invitation invitation, Instant now) {
        String detail = switch (invitation.statusAt(now)) {
            case PENDING -> null;
            case EXPIRED -> "This invitation has expired. Ask the shop's owner or an admin to send it again.";
            case REVOKED -> "This invitation was withdrawn. Ask the shop's owner or an admin if you should have access.";
            case ACCEPTED -> "This invitation has already been accepted. Log in instead.";
        };
        if (detail != null) {
            throw new ProblemException(TeamProblems.INVITATION_INVALID, detail, List.of(),
                    Map.of("reason", invitation.statusAt(now).name()));
        }
    }

    /** Unknown, or a link resent since (the old token is gone): indistinguishable, and 404. */
    private static ProblemException unknown() {
        return CoreProblems.NOT_FOUND.exception("This invitation link is not valid. Check that you opened the latest link you received.");
    }
}
