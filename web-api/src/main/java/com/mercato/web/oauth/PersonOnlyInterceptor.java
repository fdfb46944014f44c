package com.mercato.web.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.mercato.core.problem.ProblemException;
import com.mercato.web.security.OAuthProblems;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.security.ShopTokenAuthentication;

/** Refuses integration clients' tokens on {@link PersonOnly} endpoints. */
final class PersonOnlyInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && isPersonOnly(method) && actingClient()) {
            throw new ProblemException(OAuthProblems.PERSON_REQUIRED,
                    "An integration client cannot do this; a member of the shop must, logged in or through an app they authorised.");
        }
        return true;
    }

    private static boolean isPersonOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(PersonOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PersonOnly.class);
    }

    private static boolean actingClient() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ShopTokenAuthentication token && token.isClient();
    }
}
