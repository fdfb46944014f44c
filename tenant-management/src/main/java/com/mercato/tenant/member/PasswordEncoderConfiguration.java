package com.mercato.tenant.member;

import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordEncoderConfiguration {

    /**
     * bcrypt by default, with the algorithm named in each hash so it can be upgraded later; hashed
     * off the carriers on one thread per core (more would only queue the same CPU work in the kernel).
     * Not an Executor bean: Boot would take it for the application's task executor.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new OffCarrierPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Executors.newFixedThreadPool(cores, Thread.ofPlatform().name("password-hashing-", 0).daemon(true).factory()));
    }
}
