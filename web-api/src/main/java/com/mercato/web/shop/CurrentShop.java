package com.mercato.web.shop;

import jakarta.servlet.http.HttpServletRequest;

import com.mercato.tenant.shop.ShopAccess;

/** The shop and role {@link ShopAccessInterceptor} established for this request. */
public final class CurrentShop {

    private CurrentShop() {
    }

    public static ShopAccess of(HttpServletRequest request) {
        ShopAccess access = (ShopAccess) request.getAttribute(ShopAccessInterceptor.ACCESS_ATTRIBUTE);
        if (access == null) {
            throw new IllegalStateException("Not a shop request");
        }
        return access;
    }
}
