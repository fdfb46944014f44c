package com.mercato.web.signup;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.tenant.shop.Shop;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;

/** Opening a shop: a newcomer's sign-up, or a logged-in person's further shop. */
@RestController
class SignupController {

    private final ShopOpening opening;

    SignupController(ShopOpening opening) {
        this.opening = opening;
    }

    record SignupRequest(String shopName, String slug, String ownerEmail, String ownerPassword, String ownerName,
                         String plan, String interval) {
        @Override
        public String toString() {
            return "SignupRequest[shopName=" + shopName + ", slug=" + slug + ", ownerEmail=" + ownerEmail + ", plan=" + plan + "]";
        }
    }

    record NewShopRequest(String shopName, String slug, String plan, String interval) {
    }

    record ShopOpened(UUID shopId, String slug, String status, Instant trialEndsAt) {
        static ShopOpened of(Shop shop) {
            return new ShopOpened(shop.id().value(), shop.slug(), shop.status().name(), shop.trialEndsAt());
        }
    }

    @PostMapping("/api/v1/signup")
    ResponseEntity<ShopOpened> signup(@RequestBody SignupRequest request) {
        Shop shop = opening.signUp(request);
        return ResponseEntity.created(URI.create("/api/v1/shops/" + shop.slug())).body(ShopOpened.of(shop));
    }

    @PostMapping("/api/v1/shops")
    @PersonOnly
    ResponseEntity<ShopOpened> openAnother(@AuthenticationPrincipal MemberPrincipal member, @RequestBody NewShopRequest request) {
        Shop shop = opening.openFor(member.userId(), request);
        return ResponseEntity.created(URI.create("/api/v1/shops/" + shop.slug())).body(ShopOpened.of(shop));
    }
}
