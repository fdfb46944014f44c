package com.mercato.web.session;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.mercato.tenant.member.MemberDeactivated;
import com.mercato.tenant.member.Users;

/**
 * Ends the sessions of a member who lost access: those working in that shop, or all of them
 * when no shop is named (a password reset). Delivered through Modulith's event registry, so a
 * Redis outage at that moment delays the ending instead of losing it.
 */
@Component
class SessionEndingOnDeactivation {

    private final Users users;
    private final PersonSessions sessions;

    SessionEndingOnDeactivation(Users users, PersonSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(MemberDeactivated event) {
        users.findById(event.userId()).ifPresent(user -> sessions.end(user.email(), session ->
                event.shopId() == null || event.shopId().value().toString().equals(session.currentShopId())));
    }
}
