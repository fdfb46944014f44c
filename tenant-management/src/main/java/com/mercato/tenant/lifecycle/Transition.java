package com.mercato.tenant.lifecycle;

import com.mercato.tenant.shop.ShopStatus;

/** What asking for a lifecycle move did. */
public sealed interface Transition {

    /** The shop moved; the change was audited and published. */
    record Moved(ShopStatus from, ShopStatus to) implements Transition {
    }

    /** The shop already was there: nothing to do (a replayed or duplicate cause). */
    record AlreadyThere(ShopStatus status) implements Transition {
    }

    /** The lifecycle table has no such move from where the shop is (an event out of order, a stale job). */
    record NotAllowed(ShopStatus from, ShopStatus to) implements Transition {
    }

    /** No such shop. */
    record NoShop() implements Transition {
    }

    default boolean moved() {
        return this instanceof Moved;
    }
}
