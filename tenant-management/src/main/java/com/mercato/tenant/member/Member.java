package com.mercato.tenant.member;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's membership of one shop, as the team list shows it. {@code id} is the person's
 * user id (the same in every shop they belong to). {@code canLogIn} is false for deactivated
 * members and for active ones beyond the seats after a downgrade, with {@code reason} saying why.
 */
public record Member(UUID id, String name, String email, Role role, MemberStatus status, Instant activatedAt,
                     boolean canLogIn, String reason) {
}
