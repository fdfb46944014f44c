package com.mercato.web.shop;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.tenant.member.Role;
import com.mercato.tenant.member.Seats;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.tenant.shop.Shops;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;

/**
 * The shops a logged-in person belongs to, so a client can offer to switch: the same session
 * then simply uses {@code /api/v1/shops/{slug}/...} of the other shop. {@code canLogIn} is what
 * the shop guard will decide (active membership, shop serving, within the seats).
 */
@RestController
@PersonOnly
class MyShopsController {

    private final Shops shops;
    private final Seats seats;

    MyShopsController(Shops shops, Seats seats) {
        this.shops = shops;
        this.seats = seats;
    }

    record MyShop(UUID id, String slug, String name, String shopStatus, String role, String status, boolean canLogIn,
                  String reason) {
    }

    @GetMapping("/api/v1/shops")
    List<MyShop> mine(@AuthenticationPrincipal MemberPrincipal member) {
        return shops.accessesOf(member.userId()).stream().map(this::view).toList();
    }

    private MyShop view(ShopAccess access) {
        String reason = null;
        if (!access.isActiveMember()) {
            reason = "Your membership was deactivated; an owner or admin of the shop can reactivate it.";
        } else if (!access.shop().status().isServing()) {
            reason = "This shop is not open.";
        } else if (access.role() != Role.OWNER) {
            int limit = seats.limit(access.shop().id());
            if (!access.withinSeats(limit)) {
                reason = Seats.beyondSeatsReason(limit);
            }
        }
        return new MyShop(access.shop().id().value(), access.shop().slug(), access.shop().name(), access.shop().status().name(),
                access.role().name(), access.memberStatus().name(), reason == null, reason);
    }
}
