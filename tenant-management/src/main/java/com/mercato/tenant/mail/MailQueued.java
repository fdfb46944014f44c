package com.mercato.tenant.mail;

import java.time.Instant;

/**
 * A mail accepted for delivery. Published inside the sender's transaction, so Spring Modulith's
 * event publication registry (our outbox) stores it with the change that caused it: a rolled-back
 * invitation sends nothing, and a committed one is delivered even if SMTP is down for a while.
 */
record MailQueued(OutgoingMail mail, Instant queuedAt) {
}
