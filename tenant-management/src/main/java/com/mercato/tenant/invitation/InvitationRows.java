package com.mercato.tenant.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.member.Role;

/** Reads an invitation from a row of {@code public.invitations} (alias {@code i}). */
final class InvitationRows {

    static final String COLUMNS = "i.id, i.tenant_id, i.email, i.role, i.created_at, i.sent_at, i.expires_at, i.accepted_at, i.revoked_at";

    private InvitationRows() {
    }

    static Invitation map(ResultSet rs) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("email"), Role.valueOf(rs.getString("role")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
