package com.mercato.tenant.lifecycle;

import static com.mercato.tenant.shop.ShopStatus.ACTIVE;
import static com.mercato.tenant.shop.ShopStatus.CANCELLED;
import static com.mercato.tenant.shop.ShopStatus.PAST_DUE;
import static com.mercato.tenant.shop.ShopStatus.PURGED;
import static com.mercato.tenant.shop.ShopStatus.SUSPENDED;
import static com.mercato.tenant.shop.ShopStatus.TRIALING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleTableTest {

    @Test
    void aDirectMoveIsOneStep() {
        assertThat(LifecycleTable.path(ACTIVE, PAST_DUE)).containsExactly(PAST_DUE);
        assertThat(LifecycleTable.path(TRIALING, SUSPENDED)).containsExactly(SUSPENDED);
    }

    @Test
    void aShopThatLearnsLateGoesThroughTheStatesItMissed() {
        assertThat(LifecycleTable.path(TRIALING, CANCELLED)).containsExactly(ACTIVE, CANCELLED);
        assertThat(LifecycleTable.path(TRIALING, PAST_DUE)).containsExactly(ACTIVE, PAST_DUE);
        assertThat(LifecycleTable.path(SUSPENDED, PAST_DUE)).containsExactly(ACTIVE, PAST_DUE);
    }

    @Test
    void nothingLeavesCancelledButThePurgeAndNothingLeavesPurged() {
        assertThat(LifecycleTable.path(CANCELLED, ACTIVE)).isEmpty();
        assertThat(LifecycleTable.path(CANCELLED, PURGED)).containsExactly(PURGED);
        assertThat(LifecycleTable.path(PURGED, TRIALING)).isEmpty();
        assertThat(LifecycleTable.path(ACTIVE, TRIALING)).isEmpty();
        assertThat(LifecycleTable.path(ACTIVE, ACTIVE)).isEmpty();
    }
}
