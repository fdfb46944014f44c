package com.mercato.web.shop;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.allowance.ShopAllowances;
import com.mercato.tenant.member.MemberStatus;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.tenant.shop.Shops;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.OAuthProblems;
import com.mercato.web.security.ShopTokenAuthentication;

/**
 * The shop guard's rules for bearer tokens (OAuth2). A token names one shop ({@code shop_id}):
 * on any other shop's paths it finds nothing (404, as for a shop that does not exist). A
 * person's token still needs an active membership, checked on every request, so a deactivated
 * member is out at once; an integration client acts for its own shop with the rights of an
 * {@link Role#AGENT} (the CRM, not team or billing). Either needs the plan's API access, now.
 */
@Component
class TokenShopAccess {

    private final Shops shops;
    private final ShopAllowances allowances;

    TokenShopAccess(Shops shops, ShopAllowances allowances) {
        this.shops = shops;
        this.allowances = allowances;
    }

    Optional<ShopAccess> forToken(String slug, ShopTokenAuthentication token) {
        Optional<ShopAccess> access = token.getPrincipal() instanceof MemberPrincipal member
                ? shops.accessFor(slug, member.userId())
                : shops.findBySlug(slug).map(shop -> new ShopAccess(shop, Role.AGENT, MemberStatus.ACTIVE));
        return access.filter(a -> a.shop().id().value().equals(token.shopId()));
    }

    void requireApiAccess(ShopAccess access) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ShopTokenAuthentication && !allowances.apiAccess(access.shop().id())) {
            throw new ProblemException(OAuthProblems.API_ACCESS_NOT_IN_PLAN,
                    "This shop's plan no longer includes API access; its owner can upgrade to Advanced.");
        }
    }
}
