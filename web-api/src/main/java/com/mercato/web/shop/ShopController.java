package com.mercato.web.shop;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.tenant.shop.Shop;
import com.mercato.tenant.shop.ShopAccess;

@RestController
@RequestMapping("/api/v1/shops/{slug}")
class ShopController {

    record ShopView(UUID id, String slug, String name, String status, String plan, String interval, Instant trialEndsAt,
                    String yourRole) {
    }

    @GetMapping
    ShopView shop(HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        Shop shop = access.shop();
        return new ShopView(shop.id().value(), shop.slug(), shop.name(), shop.status().name(), shop.planCode(),
                shop.billingInterval(), shop.trialEndsAt(), access.role().name());
    }
}
