package com.mercato.tenant.shop;

import com.mercato.tenant.member.MemberStatus;
import com.mercato.tenant.member.Role;

/**
 * A shop as one person may use it: the shop, and that person's role and status in it.
 * {@code seatRank} is the person's place in the seat order of the shop's active members
 * (owners first, then by activation, earliest first): after a downgrade, active members whose
 * place is beyond the seats cannot use the shop until the owner deactivates someone or adds seats.
 */
public record ShopAccess(Shop shop, Role role, MemberStatus memberStatus, long seatRank) {

    /** Access that holds no seat of its own (a shop's integration client). */
    public ShopAccess(Shop shop, Role role, MemberStatus memberStatus) {
        this(shop, role, memberStatus, 1);
    }

    public boolean isActiveMember() {
        return memberStatus == MemberStatus.ACTIVE;
    }

    /** Whether this active member is within the seats; owners always are, so a shop is never locked out. */
    public boolean withinSeats(int seats) {
        return role == Role.OWNER || seatRank <= seats;
    }
}
