package com.mercato.web.shop;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ShopWebConfiguration implements WebMvcConfigurer {

    private final ShopAccessInterceptor shopAccess;

    ShopWebConfiguration(ShopAccessInterceptor shopAccess) {
        this.shopAccess = shopAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(shopAccess).addPathPatterns("/api/v1/shops/{slug}", "/api/v1/shops/{slug}/**");
    }
}
