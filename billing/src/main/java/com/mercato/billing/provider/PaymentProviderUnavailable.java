package com.mercato.billing.provider;

/** The provider failed, timed out or refused a request we believed valid; nothing of ours was changed. */
public class PaymentProviderUnavailable extends RuntimeException {

    public PaymentProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
