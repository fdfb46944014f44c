package com.mercato.web.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** Sessions as every node sees them (Redis, by principal name), not an in-memory registry of one node. */
    @Bean
    <S extends Session> SpringSessionBackedSessionRegistry<S> sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
