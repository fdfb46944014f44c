package com.mercato.tenant.invitation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mercato.tenant.mail.Mailer;
import com.mercato.tenant.mail.OutgoingMail;
import com.mercato.tenant.member.Role;

/** The invitation e-mail. Its link holds the token: it goes into the mail and nowhere else (no log). */
@Component
class InvitationMail {

    static final String PATH = "/invitations/";

    private final Mailer mailer;
    private final String publicUrl;

    InvitationMail(Mailer mailer, @Value("${mercato.public-url:http://localhost:8080}") String publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void send(String to, String shopName, Role role, String token, String inviterName) {
        String link = publicUrl + PATH + token;
        String body = """
                Hello,

                %s invited you to join the shop "%s" on Mercato as %s.

                To accept, open this link within 7 days and set your name and password (or, if you
                already use Mercato with this address, enter your existing password):

                %s

                If you did not expect this invitation, ignore this e-mail; nothing happens.
                """.formatted(inviterName == null ? "Someone" : inviterName, shopName, article(role), link);
        mailer.send(new OutgoingMail(to, "You're invited to join " + shopName + " on Mercato", body));
    }

    private static String article(Role role) {
        return switch (role) {
            case OWNER -> "an owner";
            case ADMIN -> "an admin";
            case AGENT -> "an agent";
        };
    }
}
