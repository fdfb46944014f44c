package com.mercato.web.billing;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.mercato.billing.provider.CheckoutRequest;
import com.mercato.billing.provider.LineItem;
import com.mercato.billing.provider.PaymentProvider;
import com.mercato.billing.provider.sandbox.SandboxPaymentProvider;
import com.mercato.billing.webhook.WebhookInbox;
import com.mercato.core.problem.CoreProblems;

/**
 * The sandbox provider's checkout page (embedded default only, no Stripe key): a plainly
 * labelled page whose button "pays" and feeds the events Stripe would send through the same
 * webhook inbox and worker. With Stripe configured these paths answer 404.
 */
@RestController
class SandboxCheckoutController {

    private final PaymentProvider provider;
    private final WebhookInbox inbox;

    SandboxCheckoutController(PaymentProvider provider, WebhookInbox inbox) {
        this.provider = provider;
        this.inbox = inbox;
    }

    @GetMapping(path = "/sandbox/checkout/{sessionId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String sessionId, HttpServletRequest request) {
        CheckoutRequest checkout = sandbox().session(sessionId).orElseThrow(SandboxCheckoutController::notFound);
        StringBuilder items = new StringBuilder();
        long total = 0;
        for (LineItem item : checkout.items()) {
            long amount = item.price().amount().amount() * item.quantity();
            total += amount;
            items.append("<li>").append(HtmlUtils.htmlEscape(item.price().productName())).append(" &times; ").append(item.quantity())
                    .append(": ").append(money(amount, item.price().amount().currency())).append("</li>");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String currency = checkout.items().getFirst().price().amount().currency();
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>SANDBOX checkout</title></head>
                <body style="font-family:sans-serif;max-width:40em;margin:2em auto">
                <p style="background:#ffd54f;padding:.5em;font-weight:bold">SANDBOX payment provider: nobody is charged.
                Configure STRIPE_SECRET_KEY for real payments.</p>
                <h1>Subscribe %s</h1><ul>%s</ul><p>Total per period: <b>%s</b></p>
                <form method="post" action="/sandbox/checkout/%s/pay">
                <input type="hidden" name="%s" value="%s"><button type="submit">Pay (sandbox)</button></form>
                <p><a href="%s">Cancel</a></p></body></html>"""
                .formatted(HtmlUtils.htmlEscape(checkout.shopName()), items, money(total, currency), HtmlUtils.htmlEscape(sessionId),
                        csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()),
                        HtmlUtils.htmlEscape(checkout.cancelUrl()));
    }

    @PostMapping("/sandbox/checkout/{sessionId}/pay")
    ResponseEntity<Void> pay(@PathVariable String sessionId) {
        SandboxPaymentProvider sandbox = sandbox();
        CheckoutRequest checkout = sandbox.session(sessionId).orElseThrow(SandboxCheckoutController::notFound);
        for (String event : sandbox.pay(sessionId)) {
            inbox.receiveTrusted(sandbox.name(), event);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(checkout.successUrl())).build();
    }

    private SandboxPaymentProvider sandbox() {
        if (provider instanceof SandboxPaymentProvider sandbox) {
            return sandbox;
        }
        throw notFound();
    }

    private static RuntimeException notFound() {
        return CoreProblems.NOT_FOUND.exception("Nothing exists at this address.");
    }

    private static String money(long minor, String currency) {
        return currency + " " + minor / 100 + "." + String.format("%02d", minor % 100);
    }
}
