package com.mercato.tenant.member;

import java.util.UUID;

/** Who asks for a change to a shop's team: the person, their role in that shop, and where from (for the audit). */
public record Actor(UUID userId, Role role, String ip) {

    public boolean manages() {
        return role == Role.OWNER || role == Role.ADMIN;
    }
}
