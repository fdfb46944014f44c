package com.mercato.tenant.mail;

import java.util.Objects;

/** An e-mail the platform sends. Its body may hold links with tokens: never log it. */
public record OutgoingMail(String to, String subject, String textBody) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=" + to + ", subject=" + subject + "]";
    }
}
