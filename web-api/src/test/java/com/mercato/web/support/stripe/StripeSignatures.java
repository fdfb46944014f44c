package com.mercato.web.support.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook payloads exactly as Stripe does: {@code t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. */
public final class StripeSignatures {

    private StripeSignatures() {
    }

    /** A header with one {@code v1} signature per secret (Stripe sends several during a secret roll). */
    public static String header(String payload, Instant at, String... secrets) {
        long t = at.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, t + "." + payload));
        }
        return header.toString();
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
