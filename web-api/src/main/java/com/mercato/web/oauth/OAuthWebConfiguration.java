package com.mercato.web.oauth;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class OAuthWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the shop guard: who may call an endpoint at all comes before which shop it is
        registry.addInterceptor(new PersonOnlyInterceptor()).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }
}
