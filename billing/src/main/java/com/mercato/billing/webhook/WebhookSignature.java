package com.mercato.billing.webhook;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

/**
 * Verifies Stripe's {@code Stripe-Signature} header: any of its {@code v1} signatures made with
 * any of our endpoint secrets (several during a secret roll, comma-separated in configuration),
 * with a timestamp no further than five minutes from our clock.
 */
final class WebhookSignature {

    static final long TOLERANCE_SECONDS = 300;

    private final List<String> secrets;
    private final Clock clock;

    WebhookSignature(String configuredSecrets, Clock clock) {
        this.secrets = configuredSecrets == null ? List.of()
                : Arrays.stream(configuredSecrets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.clock = clock;
    }

    /**
     * stripe-java only refuses signatures older than the tolerance; one dated further ahead than
     * the tolerance is as suspect (a replay prepared in advance), so it is refused as well.
     */
    private boolean fromTheFuture(String header) {
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    return Long.parseLong(kv[1]) > clock.instant().getEpochSecond() + TOLERANCE_SECONDS;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return true;
    }

    boolean verifies(String payload, String header) {
        if (header == null || header.isBlank() || secrets.isEmpty() || fromTheFuture(header)) {
            return false;
        }
        for (String secret : secrets) {
            try {
                if (Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE_SECONDS, clock)) {
                    return true;
                }
            } catch (SignatureVerificationException e) {
                // try the next secret
            }
        }
        return false;
    }
}
