package com.mercato;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mercato: the whole platform in one application. */
@SpringBootApplication
@EnableScheduling
@EnableAsync // outbox listeners (@ApplicationModuleListener) run after commit, off the request thread
@Modulithic(systemName = "Mercato", sharedModules = "core")
public class MercatoApplication {

    public static void main(String[] args) {
        // Liquibase 4.30+ phones home unless told not to.
        System.setProperty("liquibase.analytics.enabled", "false");
        SpringApplication.run(MercatoApplication.class, args);
    }
}
