package com.mercato.tenant.invitation;

import java.time.Instant;
import java.util.UUID;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.member.Role;

/** An invitation to join a shop with a role. Its token is never part of it: only the e-mail carries it. */
public record Invitation(UUID id, TenantId shopId, String email, Role role, Instant createdAt, Instant sentAt,
                         Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public InvitationStatus statusAt(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }
}
