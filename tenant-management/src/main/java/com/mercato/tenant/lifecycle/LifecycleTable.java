package com.mercato.tenant.lifecycle;

import static com.mercato.tenant.shop.ShopStatus.ACTIVE;
import static com.mercato.tenant.shop.ShopStatus.CANCELLED;
import static com.mercato.tenant.shop.ShopStatus.PAST_DUE;
import static com.mercato.tenant.shop.ShopStatus.PROVISIONING;
import static com.mercato.tenant.shop.ShopStatus.PURGED;
import static com.mercato.tenant.shop.ShopStatus.SUSPENDED;
import static com.mercato.tenant.shop.ShopStatus.TRIALING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.mercato.tenant.shop.ShopStatus;

/** The architecture's tenant lifecycle table, as code: the only moves a shop may make. */
public final class LifecycleTable {

    private static final Map<ShopStatus, Set<ShopStatus>> ALLOWED = Map.of(
            PROVISIONING, EnumSet.of(TRIALING),
            TRIALING, EnumSet.of(ACTIVE, SUSPENDED),
            ACTIVE, EnumSet.of(PAST_DUE, CANCELLED),
            PAST_DUE, EnumSet.of(ACTIVE, SUSPENDED, CANCELLED),
            SUSPENDED, EnumSet.of(ACTIVE, CANCELLED),
            CANCELLED, EnumSet.of(PURGED),
            PURGED, EnumSet.noneOf(ShopStatus.class));

    private LifecycleTable() {
    }

    public static boolean allows(ShopStatus from, ShopStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }
}
