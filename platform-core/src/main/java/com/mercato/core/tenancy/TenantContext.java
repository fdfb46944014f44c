package com.mercato.core.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The shop the current unit of work acts for. Held per thread, set by the web layer for a
 * request and carried into async work by {@link TenantContextTaskDecorator} (platform and
 * virtual threads alike). Always scoped: {@link #callAs} restores what was there before.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantId require() {
        TenantId id = CURRENT.get();
        if (id == null) {
            throw new IllegalStateException("No tenant bound to this thread");
        }
        return id;
    }

    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(TenantId tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** Wraps work so that it runs, on whichever thread, for the tenant current now. */
    public static Runnable propagate(Runnable work) {
        TenantId captured = CURRENT.get();
        return () -> {
            TenantId previous = CURRENT.get();
            set(captured);
            try {
                work.run();
            } finally {
                restore(previous);
            }
        };
    }

    public static <T> Callable<T> propagate(Callable<T> work) {
        TenantId captured = CURRENT.get();
        return () -> {
            TenantId previous = CURRENT.get();
            set(captured);
            try {
                return work.call();
            } finally {
                restore(previous);
            }
        };
    }

    /** For the web layer's filter, which binds a tenant for the rest of a request and clears it after. */
    public static void set(TenantId tenant) {
        if (tenant == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(tenant);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(TenantId previous) {
        set(previous);
    }
}
