package com.mercato.tenant.invitation;

/** Where an invitation stands; only a {@code PENDING} one takes a seat and can be accepted. */
public enum InvitationStatus {
    PENDING, EXPIRED, ACCEPTED, REVOKED
}
