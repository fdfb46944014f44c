package com.mercato.web.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import com.mercato.tenant.member.Users;

/** Finds the person behind a login e-mail. */
@Component
class MemberUserDetailsService implements UserDetailsService {

    private final Users users;

    MemberUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.credentialsOf(email)
                .map(c -> new MemberPrincipal(c.user().id(), c.user().email(), c.user().name(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such login"));
    }
}
