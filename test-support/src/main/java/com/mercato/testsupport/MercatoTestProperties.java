package com.mercato.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at this run's database and Redis key prefix. */
public final class MercatoTestProperties {

    private MercatoTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestServices services = TestServices.get();
        registry.add("spring.datasource.url", services::databaseUrl);
        registry.add("spring.datasource.username", services::databaseUser);
        registry.add("spring.datasource.password", services::databasePassword);
        registry.add("spring.data.redis.url", services::redisUrl);
        registry.add("mercato.redis.key-prefix", services::redisKeyPrefix);
        registry.add("spring.session.data.redis.namespace", () -> services.redisKeyPrefix() + "session");
    }
}
