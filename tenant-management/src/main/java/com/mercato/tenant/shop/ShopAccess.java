package com.mercato.tenant.shop;

import com.mercato.tenant.member.MemberStatus;
import com.mercato.tenant.member.Role;

/** A shop as one person may use it: the shop, and that person's role and status in it. */
public record ShopAccess(Shop shop, Role role, MemberStatus memberStatus) {

    public boolean isActiveMember() {
        return memberStatus == MemberStatus.ACTIVE;
    }
}
