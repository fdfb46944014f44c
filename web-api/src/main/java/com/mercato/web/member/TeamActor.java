package com.mercato.web.member;

import jakarta.servlet.http.HttpServletRequest;

import com.mercato.tenant.member.Actor;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.shop.CurrentShop;

/** The person acting on a shop's team, with the role the shop guard found for this request. */
final class TeamActor {

    private TeamActor() {
    }

    static Actor of(MemberPrincipal member, HttpServletRequest request) {
        return new Actor(member.userId(), CurrentShop.of(request).role(), request.getRemoteAddr());
    }
}
