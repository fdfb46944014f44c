package com.mercato.billing.webhook;

/** A received provider event, as stored. */
record StoredEvent(String id, String type, String payload, int attempts) {
}
