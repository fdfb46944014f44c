package com.mercato.tenant.member;

import java.time.Instant;
import java.util.UUID;

import com.mercato.core.tenancy.TenantId;

/**
 * A member lost access to a shop (deactivated, or their password changed when {@code shopId} is
 * null: every shop). Listeners end that person's sessions there, so nobody keeps working on a
 * session they should no longer have.
 */
public record MemberDeactivated(TenantId shopId, UUID userId, String cause, Instant at) {
}
