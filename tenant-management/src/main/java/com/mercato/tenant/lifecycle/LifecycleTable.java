package com.mercato.tenant.lifecycle;

import static com.mercato.tenant.shop.ShopStatus.ACTIVE;
import static com.mercato.tenant.shop.ShopStatus.CANCELLED;
import static com.mercato.tenant.shop.ShopStatus.PAST_DUE;
import static com.mercato.tenant.shop.ShopStatus.PROVISIONING;
import static com.mercato.tenant.shop.ShopStatus.PURGED;
import static com.mercato.tenant.shop.ShopStatus.SUSPENDED;
import static com.mercato.tenant.shop.ShopStatus.TRIALING;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedList;
import java.util.List;
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

    /**
     * The fewest moves the table allows from one status to another, {@code to} last; empty when
     * there is no way (or nothing to do). A shop sometimes learns late what its subscription went
     * through: when the first event processed already shows a cancelled subscription, the shop did
     * pass through ACTIVE, and each step is recorded as such.
     */
    public static List<ShopStatus> path(ShopStatus from, ShopStatus to) {
        Map<ShopStatus, ShopStatus> reachedFrom = new EnumMap<>(ShopStatus.class);
        Deque<ShopStatus> frontier = new ArrayDeque<>(List.of(from));
        while (!frontier.isEmpty() && !reachedFrom.containsKey(to)) {
            ShopStatus at = frontier.removeFirst();
            for (ShopStatus next : ALLOWED.getOrDefault(at, Set.of())) {
                if (next != from && reachedFrom.putIfAbsent(next, at) == null) {
                    frontier.addLast(next);
                }
            }
        }
        if (from == to || !reachedFrom.containsKey(to)) {
            return List.of();
        }
        LinkedList<ShopStatus> steps = new LinkedList<>();
        for (ShopStatus at = to; at != from; at = reachedFrom.get(at)) {
            steps.addFirst(at);
        }
        return List.copyOf(steps);
    }
}
