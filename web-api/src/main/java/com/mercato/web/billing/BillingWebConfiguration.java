package com.mercato.web.billing;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class BillingWebConfiguration implements WebMvcConfigurer {

    private final SuspensionInterceptor suspension;

    BillingWebConfiguration(SuspensionInterceptor suspension) {
        this.suspension = suspension;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Order 1: after ShopAccessInterceptor (order 0), which establishes the shop and role.
        registry.addInterceptor(suspension).addPathPatterns("/api/v1/shops/{slug}", "/api/v1/shops/{slug}/**").order(1);
    }
}
