package com.mercato.core.tenancy;

import org.springframework.core.task.TaskDecorator;

/** Carries the current tenant into work handed to Spring's task executors. */
public final class TenantContextTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        return TenantContext.propagate(runnable);
    }
}
