package com.mercato.tenant.member;

/** What a member may do in a shop. */
public enum Role {
    OWNER, ADMIN, AGENT
}
