package com.mercato.web.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

import com.mercato.core.tenancy.TenantContextTaskDecorator;

@Configuration(proxyBeanMethods = false)
class TaskExecutionConfiguration {

    /** Boot applies it to its task executors: async work keeps the tenant it was started for. */
    @Bean
    TaskDecorator tenantContextTaskDecorator() {
        return new TenantContextTaskDecorator();
    }
}
