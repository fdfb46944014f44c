package com.mercato.web.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.mercato.testsupport.MutableClock;

@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
class IntegrationTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
