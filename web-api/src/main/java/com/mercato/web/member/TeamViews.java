package com.mercato.web.member;

import java.time.Instant;
import java.util.UUID;

import com.mercato.tenant.invitation.Invitation;
import com.mercato.tenant.member.Member;
import com.mercato.tenant.member.Seats;

/** The JSON shapes of the team endpoints. */
final class TeamViews {

    private TeamViews() {
    }

    /** {@code id} is the person's user id, the same in every shop they belong to. */
    record MemberView(UUID id, String name, String email, String role, String status, Instant activatedAt,
                      boolean canLogIn, String reason) {
        static MemberView of(Member member) {
            return new MemberView(member.id(), member.name(), member.email(), member.role().name(), member.status().name(),
                    member.activatedAt(), member.canLogIn(), member.reason());
        }
    }

    record InvitationView(UUID id, String email, String role, String status, Instant createdAt, Instant sentAt, Instant expiresAt) {
        static InvitationView of(Invitation invitation, Instant now) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.role().name(),
                    invitation.statusAt(now).name(), invitation.createdAt(), invitation.sentAt(), invitation.expiresAt());
        }
    }

    /** {@code used} = active members + pending invitations; {@code members} is the first part. */
    record SeatsView(int limit, int used, int pending, int available, int members) {
        static SeatsView of(Seats.Usage usage) {
            return new SeatsView(usage.limit(), usage.used(), usage.pending(), usage.available(), usage.members());
        }
    }
}
