package com.mercato.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint only a person may call (with a session or a person's access token), never a
 * shop's integration client: opening shops, managing API clients, team and billing actions.
 * On a controller class or a handler method; a client token gets 403 {@code /problems/person-required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PersonOnly {
}
