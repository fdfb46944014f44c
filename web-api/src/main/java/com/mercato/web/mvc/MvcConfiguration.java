package com.mercato.web.mvc;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC as Boot configures it, with the controller mapping that matches paths first. */
@Configuration(proxyBeanMethods = false)
class MvcConfiguration {

    @Bean
    WebMvcRegistrations pathFirstMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }
}
