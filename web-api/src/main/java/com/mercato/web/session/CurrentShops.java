package com.mercato.web.session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

import com.mercato.tenant.shop.Shops;
import com.mercato.tenant.shop.ShopAccess;

/**
 * A session's current shop. At login it is the person's first usable shop by name (a stable
 * choice that needs nothing stored); later the person switches it. When it is no longer usable
 * (deactivated, shop gone) the first usable shop takes its place.
 */
@Component
public class CurrentShops {

    private final Shops shops;

    CurrentShops(Shops shops) {
        this.shops = shops;
    }

    public Optional<ShopAccess> firstUsable(UUID userId) {
        return shops.usableBy(userId).stream().findFirst();
    }

    /** The person's usable shops and which of them the session works in (kept up to date in the session). */
    public Choice of(UUID userId, HttpServletRequest request) {
        List<ShopAccess> usable = shops.usableBy(userId);
        HttpSession session = request.getSession(false);
        String stored = session == null ? null : (String) session.getAttribute(SessionAttributes.CURRENT_SHOP);
        Optional<ShopAccess> current = usable.stream()
                .filter(access -> access.shop().id().value().toString().equals(stored))
                .findFirst()
                .or(() -> usable.stream().findFirst());
        if (session != null) {
            String now = current.map(access -> access.shop().id().value().toString()).orElse(null);
            if (!java.util.Objects.equals(now, stored)) {
                session.setAttribute(SessionAttributes.CURRENT_SHOP, now);
            }
        }
        return new Choice(usable, current);
    }

    public record Choice(List<ShopAccess> shops, Optional<ShopAccess> current) {
    }
}
