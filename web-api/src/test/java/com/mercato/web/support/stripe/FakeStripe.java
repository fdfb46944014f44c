package com.mercato.web.support.stripe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Stripe's HTTP API that the real stripe-java client talks to: form-encoded
 * POSTs in, JSON objects shaped like Stripe's own fixtures out, with state (prices by lookup key,
 * customers, checkout sessions, subscriptions with periods on their items, invoices under
 * {@code parent.subscription_details}). Tests drive what happens at "Stripe" (checkout paid,
 * renewal failed, cancelled) and get the events Stripe would send. One per JVM.
 */
public final class FakeStripe {

    public static final String SECRET_KEY = "sk_test_mercato_fake";
    public static final String WEBHOOK_SECRET = "whsec_mercato_fake";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile FakeStripe instance;

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Map<String, Object>> prices = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> portalConfigurations = new ConcurrentHashMap<>();
    private final List<String> portalSessionConfigurations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> customers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> invoices = new ConcurrentHashMap<>();
    private final Map<String, String> idempotentResponses = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Clock clock = Clock.systemUTC();

    /** One request as Stripe got it. */
    public record Recorded(String method, String path, String idempotencyKey) {
    }

    private record Fault(String method, String pathPrefix, int status, Duration delay) {
    }

    public static FakeStripe get() {
        if (instance == null) {
            synchronized (FakeStripe.class) {
                if (instance == null) {
                    instance = new FakeStripe();
                }
            }
        }
        return instance;
    }

    private FakeStripe() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Periods and event times follow this clock (the application's, in tests). */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    /** The next matching request answers {@code status} with a Stripe error. */
    public void failNext(String method, String pathPrefix, int status) {
        faults.add(new Fault(method, pathPrefix, status, Duration.ZERO));
    }

    /** The next matching request answers only after {@code delay} (to outlast the client's timeout). */
    public void delayNext(String method, String pathPrefix, Duration delay) {
        faults.add(new Fault(method, pathPrefix, 0, delay));
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The customer-portal configurations created so far. */
    public List<Map<String, Object>> portalConfigurations() {
        return List.copyOf(portalConfigurations.values());
    }

    /** The configuration id each portal session was opened with ("null" for the account's default), in order. */
    public List<String> portalSessionConfigurations() {
        return List.copyOf(portalSessionConfigurations);
    }

    private Map<String, Object> createPortalConfiguration(Map<String, String> form) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (String feature : List.of("subscription_update", "subscription_cancel", "payment_method_update", "invoice_history")) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("enabled", Boolean.parseBoolean(form.get("features[" + feature + "][enabled]")));
            String mode = form.get("features[" + feature + "][mode]");
            if (mode != null) {
                settings.put("mode", mode);
            }
            features.put(feature, settings);
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("id", id("bpc"));
        configuration.put("object", "billing_portal.configuration");
        configuration.put("active", true);
        configuration.put("is_default", false);
        configuration.put("features", features);
        configuration.put("metadata", prefixed(form, "metadata"));
        configuration.put("livemode", false);
        configuration.put("created", clock.instant().getEpochSecond());
        portalConfigurations.put((String) configuration.get("id"), configuration);
        return configuration;
    }

    /** The price created under this lookup key, if any. */
    public java.util.Optional<Map<String, Object>> priceWithLookupKey(String lookupKey) {
        return prices.values().stream().filter(price -> lookupKey.equals(price.get("lookup_key"))).findFirst();
    }

    public Map<String, Object> subscription(String id) {
        return subscriptions.get(id);
    }

    public boolean hasCustomerFor(String tenantId) {
        return customers.values().stream().anyMatch(c -> tenantId.equals(((Map<?, ?>) c.get("metadata")).get("tenant_id")));
    }

    public static String sessionIdOf(String checkoutUrl) {
        return checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
    }

    // ---- what happens at Stripe, driven by tests; each returns the events Stripe would send ----

    /** The customer pays the checkout: an active subscription and a paid first invoice. */
    public synchronized Events completeCheckout(String sessionId) {
        Map<String, Object> session = require(sessions, sessionId);
        String customer = (String) session.get("customer");
        Instant now = clock.instant();
        String subId = id("sub");
        List<Map<String, Object>> items = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) session.get("_lines");
        for (Map<String, Object> line : lines) {
            items.add(item(subId, require(prices, (String) line.get("price")), num(line.get("quantity")), now));
        }
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("id", subId);
        sub.put("object", "subscription");
        sub.put("customer", customer);
        sub.put("status", "active");
        sub.put("cancel_at_period_end", false);
        sub.put("currency", "hkd");
        sub.put("created", now.getEpochSecond());
        sub.put("start_date", now.getEpochSecond());
        sub.put("livemode", false);
        sub.put("metadata", session.get("_subscription_metadata"));
        sub.put("items", list(items, "/v1/subscription_items?subscription=" + subId));
        subscriptions.put(subId, sub);
        Map<String, Object> invoice = invoice(sub, total(sub), "paid");
        sub.put("latest_invoice", invoice.get("id"));
        session.put("status", "complete");
        session.put("subscription", subId);
        return new Events(List.of(
                event("checkout.session.completed", session),
                event("customer.subscription.created", sub),
                event("invoice.paid", invoice)));
    }

    /** The renewal charge fails: the subscription goes past due with an open invoice. */
    public synchronized Events failRenewal(String subId) {
        Map<String, Object> sub = require(subscriptions, subId);
        renew(sub);
        Map<String, Object> invoice = invoice(sub, total(sub), "open");
        sub.put("status", "past_due");
        sub.put("latest_invoice", invoice.get("id"));
        return new Events(List.of(event("invoice.payment_failed", invoice), event("customer.subscription.updated", sub)));
    }

    /** The open invoice gets paid: the subscription is active again. */
    public synchronized Events payLatestInvoice(String subId) {
        Map<String, Object> sub = require(subscriptions, subId);
        Map<String, Object> invoice = require(invoices, (String) sub.get("latest_invoice"));
        invoice.put("status", "paid");
        invoice.put("amount_paid", invoice.get("amount_due"));
        sub.put("status", "active");
        return new Events(List.of(event("invoice.paid", invoice), event("customer.subscription.updated", sub)));
    }

    /** The subscription is cancelled and ended (from the portal, or by dunning). */
    public synchronized Events cancel(String subId) {
        Map<String, Object> sub = require(subscriptions, subId);
        sub.put("status", "canceled");
        sub.put("canceled_at", clock.instant().getEpochSecond());
        sub.put("ended_at", clock.instant().getEpochSecond());
        return new Events(List.of(event("customer.subscription.deleted", sub)));
    }

    /** An event about a subscription as it is now (for duplicate and ordering tests). */
    public synchronized String subscriptionEvent(String type, String subId) {
        return event(type, require(subscriptions, subId));
    }

    /** An event for a customer Stripe has but no shop knows. */
    public synchronized String eventForStrangerCustomer() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", id("cus"));
        customer.put("object", "customer");
        customer.put("metadata", Map.of());
        customers.put((String) customer.get("id"), customer);
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("id", id("sub"));
        sub.put("object", "subscription");
        sub.put("customer", customer.get("id"));
        sub.put("status", "active");
        sub.put("items", list(List.of(), "/v1/subscription_items"));
        sub.put("metadata", Map.of());
        subscriptions.put((String) sub.get("id"), sub);
        return event("customer.subscription.created", sub);
    }

    /** Events in Stripe's order of sending; {@link #get(int)} picks one to deliver out of order. */
    public record Events(List<String> payloads) {
        public String get(int i) {
            return payloads.get(i);
        }

        public String ofType(String type) {
            return payloads.stream().filter(p -> p.contains("\"type\":\"" + type + "\"")).findFirst().orElseThrow();
        }
    }

    // ---- the HTTP API ----

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Recorded(method, path, key));
            Fault fault = takeFault(method, path);
            if (fault != null && !fault.delay().isZero()) {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fault != null && fault.status() > 0) {
                respond(exchange, fault.status(), Map.of("error", Map.of("type", "api_error", "message", "Injected failure")));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = decode("GET".equals(method) || "DELETE".equals(method) ? exchange.getRequestURI().getRawQuery() : body);
            String replayKey = key == null ? null : method + " " + path + " " + key;
            if (replayKey != null && idempotentResponses.containsKey(replayKey)) {
                respondRaw(exchange, 200, idempotentResponses.get(replayKey));
                return;
            }
            Object result;
            synchronized (this) {
                result = route(method, path, form);
            }
            if (result == null) {
                respond(exchange, 404, Map.of("error", Map.of("type", "invalid_request_error", "message", "No such object: " + path)));
                return;
            }
            String json = JSON.writeValueAsString(clean(result));
            if (replayKey != null) {
                idempotentResponses.put(replayKey, json);
            }
            respondRaw(exchange, 200, json);
        }
    }

    private Object route(String method, String path, Map<String, String> form) {
        String[] p = path.split("/");
        if (method.equals("GET") && path.equals("/v1/prices")) {
            List<String> keys = indexed(form, "lookup_keys");
            return list(prices.values().stream().filter(price -> keys.contains(price.get("lookup_key"))).toList(), "/v1/prices");
        }
        if (method.equals("POST") && path.equals("/v1/prices")) {
            return createPrice(form);
        }
        if (method.equals("POST") && path.equals("/v1/customers")) {
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", id("cus"));
            customer.put("object", "customer");
            customer.put("email", form.get("email"));
            customer.put("name", form.get("name"));
            customer.put("metadata", prefixed(form, "metadata"));
            customer.put("created", clock.instant().getEpochSecond());
            customer.put("livemode", false);
            customers.put((String) customer.get("id"), customer);
            return customer;
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return createSession(form);
        }
        if (method.equals("GET") && path.equals("/v1/billing_portal/configurations")) {
            return list(List.copyOf(portalConfigurations.values()), "/v1/billing_portal/configurations");
        }
        if (method.equals("POST") && path.equals("/v1/billing_portal/configurations")) {
            return createPortalConfiguration(form);
        }
        if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            if (!customers.containsKey(form.get("customer"))) {
                return null;
            }
            String configuration = form.get("configuration");
            if (configuration != null && !portalConfigurations.containsKey(configuration)) {
                return null;
            }
            portalSessionConfigurations.add(String.valueOf(configuration));
            return Map.of("id", id("bps"), "object", "billing_portal.session", "customer", form.get("customer"),
                    "url", "https://billing.stripe.test/p/session/" + id("test"), "return_url", form.get("return_url"),
                    "livemode", false, "created", clock.instant().getEpochSecond());
        }
        if (p.length == 4 && p[2].equals("subscriptions")) {
            Map<String, Object> sub = subscriptions.get(p[3]);
            if (sub == null) {
                return null;
            }
            if (method.equals("POST")) {
                updateItems(sub, form, "items", !"none".equals(form.get("proration_behavior")));
            }
            if (method.equals("DELETE")) {
                sub.put("status", "canceled");
                sub.put("canceled_at", clock.instant().getEpochSecond());
                sub.put("ended_at", clock.instant().getEpochSecond());
            }
            return sub;
        }
        if (method.equals("POST") && path.equals("/v1/invoices/create_preview")) {
            Map<String, Object> sub = require(subscriptions, form.get("subscription"));
            Map<String, Object> copy = deepCopy(sub);
            long due = updateItems(copy, form, "subscription_details[items]", false);
            Map<String, Object> preview = new LinkedHashMap<>();
            preview.put("id", null);
            preview.put("object", "invoice");
            preview.put("customer", sub.get("customer"));
            preview.put("amount_due", due);
            preview.put("currency", "hkd");
            preview.put("status", "draft");
            return preview;
        }
        if (method.equals("GET") && p.length == 4 && p[2].equals("invoices")) {
            return invoices.get(p[3]);
        }
        if (method.equals("GET") && p.length == 4 && p[2].equals("customers")) {
            return customers.get(p[3]);
        }
        return null;
    }

    private Map<String, Object> createPrice(Map<String, String> form) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("id", id("price"));
        price.put("object", "price");
        price.put("active", true);
        price.put("billing_scheme", "per_unit");
        price.put("currency", form.get("currency"));
        price.put("unit_amount", Long.parseLong(form.get("unit_amount")));
        price.put("lookup_key", form.get("lookup_key"));
        price.put("product", id("prod"));
        price.put("recurring", Map.of("interval", form.get("recurring[interval]"), "interval_count", 1, "usage_type", "licensed"));
        price.put("type", "recurring");
        price.put("livemode", false);
        price.put("metadata", Map.of());
        price.put("created", clock.instant().getEpochSecond());
        prices.put((String) price.get("id"), price);
        return price;
    }

    private Map<String, Object> createSession(Map<String, String> form) {
        if (!customers.containsKey(form.get("customer"))) {
            return null;
        }
        String id = id("cs_test");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; form.containsKey("line_items[" + i + "][price]"); i++) {
            String price = form.get("line_items[" + i + "][price]");
            if (!prices.containsKey(price)) {
                return null;
            }
            lines.add(new LinkedHashMap<>(Map.of("price", price,
                    "quantity", Long.parseLong(form.getOrDefault("line_items[" + i + "][quantity]", "1")))));
        }
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("mode", form.get("mode"));
        session.put("status", "open");
        session.put("customer", form.get("customer"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("success_url", form.get("success_url"));
        session.put("cancel_url", form.get("cancel_url"));
        session.put("metadata", prefixed(form, "metadata"));
        session.put("subscription", null);
        session.put("url", "https://checkout.stripe.test/c/pay/" + id);
        session.put("livemode", false);
        session.put("created", clock.instant().getEpochSecond());
        session.put("_lines", lines);
        session.put("_subscription_metadata", prefixed(form, "subscription_data[metadata]"));
        sessions.put(id, session);
        return session;
    }

    /** Applies item changes ({id, deleted} and {price, quantity}); returns the prorated amount it would charge now. */
    @SuppressWarnings("unchecked")
    private long updateItems(Map<String, Object> sub, Map<String, String> form, String prefix, boolean invoiceNow) {
        List<Map<String, Object>> items = new ArrayList<>((List<Map<String, Object>>) ((Map<String, Object>) sub.get("items")).get("data"));
        if (!form.containsKey(prefix + "[0][id]") && !form.containsKey(prefix + "[0][price]")) {
            return 0;
        }
        long before = total(sub);
        Instant now = clock.instant();
        Map<String, Object> first = items.isEmpty() ? null : items.getFirst();
        long start = first == null ? now.getEpochSecond() : num(first.get("current_period_start"));
        long end = first == null ? now.plus(30, ChronoUnit.DAYS).getEpochSecond() : num(first.get("current_period_end"));
        for (int i = 0; form.containsKey(prefix + "[" + i + "][id]") || form.containsKey(prefix + "[" + i + "][price]"); i++) {
            String itemId = form.get(prefix + "[" + i + "][id]");
            if (itemId != null && "true".equals(form.get(prefix + "[" + i + "][deleted]"))) {
                items.removeIf(item -> itemId.equals(item.get("id")));
            } else {
                Map<String, Object> item = item((String) sub.get("id"), require(prices, form.get(prefix + "[" + i + "][price]")),
                        Long.parseLong(form.getOrDefault(prefix + "[" + i + "][quantity]", "1")), now);
                item.put("current_period_start", start);
                item.put("current_period_end", end);
                items.add(item);
            }
        }
        ((Map<String, Object>) sub.get("items")).put("data", items);
        long after = total(sub);
        double remaining = Math.max(0, Math.min(1, (end - now.getEpochSecond()) / (double) Math.max(1, end - start)));
        long due = Math.max(0, Math.round((after - before) * remaining));
        if (invoiceNow && due > 0) {
            Map<String, Object> invoice = invoice(sub, due, "paid");
            sub.put("latest_invoice", invoice.get("id"));
        }
        return due;
    }

    // ---- object builders ----

    private Map<String, Object> item(String subId, Map<String, Object> price, long quantity, Instant now) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id("si"));
        item.put("object", "subscription_item");
        item.put("subscription", subId);
        item.put("price", price);
        item.put("quantity", quantity);
        // Since API version basil the billing period sits on each item, not on the subscription.
        item.put("current_period_start", now.getEpochSecond());
        item.put("current_period_end", now.plus("year".equals(((Map<?, ?>) price.get("recurring")).get("interval")) ? 365 : 30,
                ChronoUnit.DAYS).getEpochSecond());
        item.put("created", now.getEpochSecond());
        item.put("metadata", Map.of());
        return item;
    }

    @SuppressWarnings("unchecked")
    private void renew(Map<String, Object> sub) {
        for (Map<String, Object> item : (List<Map<String, Object>>) ((Map<String, Object>) sub.get("items")).get("data")) {
            long start = num(item.get("current_period_end"));
            item.put("current_period_start", start);
            item.put("current_period_end", Instant.ofEpochSecond(start).plus(30, ChronoUnit.DAYS).getEpochSecond());
        }
    }

    @SuppressWarnings("unchecked")
    private static long total(Map<String, Object> sub) {
        long total = 0;
        for (Map<String, Object> item : (List<Map<String, Object>>) ((Map<String, Object>) sub.get("items")).get("data")) {
            total += num(((Map<String, Object>) item.get("price")).get("unit_amount")) * num(item.get("quantity"));
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invoice(Map<String, Object> sub, long amount, String status) {
        Map<String, Object> first = ((List<Map<String, Object>>) ((Map<String, Object>) sub.get("items")).get("data")).getFirst();
        String id = id("in");
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", id);
        invoice.put("object", "invoice");
        invoice.put("customer", sub.get("customer"));
        invoice.put("status", status);
        invoice.put("number", "FAKE-" + id.substring(3));
        invoice.put("amount_due", amount);
        invoice.put("amount_paid", "paid".equals(status) ? amount : 0L);
        invoice.put("currency", "hkd");
        invoice.put("hosted_invoice_url", "https://invoice.stripe.test/i/" + id);
        invoice.put("period_start", first.get("current_period_start"));
        invoice.put("period_end", first.get("current_period_end"));
        invoice.put("created", clock.instant().getEpochSecond());
        invoice.put("livemode", false);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscription", sub.get("id"));
        details.put("metadata", Map.of());
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("type", "subscription_details");
        parent.put("subscription_details", details);
        parent.put("quote_details", null);
        invoice.put("parent", parent);
        invoices.put(id, invoice);
        return invoice;
    }

    private String event(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id("evt"));
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", clock.instant().getEpochSecond());
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of());
        event.put("data", Map.of("object", clean(deepCopy(object))));
        return JSON.writeValueAsString(event);
    }

    private static Map<String, Object> list(List<Map<String, Object>> data, String url) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", new ArrayList<>(data));
        list.put("has_more", false);
        list.put("url", url);
        return list;
    }

    // ---- plumbing ----

    private synchronized Fault takeFault(String method, String path) {
        for (Fault fault : faults) {
            if (fault.method().equals(method) && path.startsWith(fault.pathPrefix())) {
                faults.remove(fault);
                return fault;
            }
        }
        return null;
    }

    private String id(String prefix) {
        return prefix + "_" + Long.toString(ids.incrementAndGet(), 36) + Long.toString(System.nanoTime() % 100000, 36);
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }

    private static <T> T require(Map<String, T> map, String id) {
        T value = map.get(id);
        if (value == null) {
            throw new IllegalArgumentException("Fake Stripe has no " + id);
        }
        return value;
    }

    /** Drops the fake's own bookkeeping (keys starting with {@code _}) from what it answers. */
    @SuppressWarnings("unchecked")
    private static Object clean(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!((String) k).startsWith("_")) {
                    copy.put((String) k, clean(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FakeStripe::clean).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        return (Map<String, Object>) JSON.readValue(JSON.writeValueAsString(map), Map.class);
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> form = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static List<String> indexed(Map<String, String> form, String name) {
        List<String> values = new ArrayList<>();
        form.forEach((k, v) -> {
            if (k.equals(name + "[]") || k.matches(java.util.regex.Pattern.quote(name) + "\\[\\d+]")) {
                values.add(v);
            }
        });
        return values;
    }

    private static Map<String, Object> prefixed(Map<String, String> form, String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.endsWith("]") && k.indexOf('[', prefix.length() + 1) < 0) {
                values.put(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return values;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        respondRaw(exchange, status, JSON.writeValueAsString(body));
    }

    private static void respondRaw(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_fake");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
