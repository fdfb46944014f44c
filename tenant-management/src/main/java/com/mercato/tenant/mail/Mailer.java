package com.mercato.tenant.mail;

/** Sends platform e-mails (invitations, password resets, trial and dunning notices). */
public interface Mailer {

    void send(OutgoingMail mail);
}
