package com.mercato.web.session;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;

/** The logged-in person: who they are, their shops, and the shop their session works in. */
@RestController
@RequestMapping("/api/v1/me")
@PersonOnly
class MeController {

    private final CurrentShops currentShops;

    MeController(CurrentShops currentShops) {
        this.currentShops = currentShops;
    }

    record ShopView(String slug, String name, String role) {
        static ShopView of(ShopAccess access) {
            return new ShopView(access.shop().slug(), access.shop().name(), access.role().name());
        }
    }

    record MeView(UUID id, String email, String name, List<ShopView> shops, ShopView currentShop) {
    }

    record SwitchShop(String slug) {
    }

    @GetMapping
    MeView me(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
        return view(member, currentShops.of(member.userId(), request));
    }

    /** Switches the session's current shop, without a new login; 404 unless the person is an active member there. */
    @PutMapping("/current-shop")
    MeView switchShop(@AuthenticationPrincipal MemberPrincipal member, @RequestBody SwitchShop body, HttpServletRequest request) {
        if (request.getSession(false) == null) {
            throw CoreProblems.FORBIDDEN.exception("Only a browser session has a current shop; an access token stays bound to its shop.");
        }
        CurrentShops.Choice choice = currentShops.of(member.userId(), request);
        ShopAccess target = choice.shops().stream()
                .filter(access -> body != null && access.shop().slug().equals(body.slug()))
                .findFirst()
                .orElseThrow(() -> CoreProblems.NOT_FOUND.exception("You are not an active member of a shop at that address."));
        request.getSession().setAttribute(SessionAttributes.CURRENT_SHOP, target.shop().id().value().toString());
        return view(member, currentShops.of(member.userId(), request));
    }

    private static MeView view(MemberPrincipal member, CurrentShops.Choice choice) {
        return new MeView(member.userId(), member.email(), member.name(),
                choice.shops().stream().map(ShopView::of).toList(),
                choice.current().map(ShopView::of).orElse(null));
    }
}
