package com.mercato.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.tenant.mail.Mailer;
import com.mercato.tenant.mail.OutgoingMail;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;
import com.mercato.web.support.Mailbox;

class MailDeliveryTest extends IntegrationTest {

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aQueuedMailArrivesOverSmtpWithItsLinkIntact() {
        String to = Fixtures.uniqueSlug("mail") + "@example.com";

        mailer.send(new OutgoingMail(to, "Welcome to Mercato", "Hello,\n\nopen http://localhost:8080/invitations/abc_DEF-123?x=1 to join.\n"));

        Mailbox.Mail mail = mailbox().awaitMail(to, "Welcome");
        assertThat(mail.text()).contains("Hello,");
        assertThat(mail.linkPath("/invitations/")).contains("/invitations/abc_DEF-123?x=1");
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackIsNeverSent() {
        String to = Fixtures.uniqueSlug("mail") + "@example.com";

        transactions.executeWithoutResult(status -> {
            mailer.send(new OutgoingMail(to, "Rolled back", "This change never happened."));
            status.setRollbackOnly();
        });
        mailer.send(new OutgoingMail(to, "Committed", "This one did."));

        mailbox().awaitMail(to, "Committed");
        assertThat(mailbox().to(to)).extracting(Mailbox.Mail::subject).containsExactly("Committed");
    }
}
