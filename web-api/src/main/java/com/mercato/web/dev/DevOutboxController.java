package com.mercato.web.dev;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.mail.LocalOutbox;

/**
 * {@code /dev/outbox}: the mails the embedded platform would have sent, so a newcomer can follow an
 * invitation or reset link. Answers only when no SMTP server is configured, outside production, and
 * only to a caller on this machine that no proxy forwarded; to anyone else it does not exist.
 */
@RestController
class DevOutboxController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final LocalOutbox outbox;
    private final boolean production;

    DevOutboxController(LocalOutbox outbox, Environment environment) {
        this.outbox = outbox;
        this.production = environment.acceptsProfiles(Profiles.of("prod"));
    }

    @GetMapping(path = "/dev/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OutboxMail> json(HttpServletRequest request) {
        requireLocalDeveloper(request);
        return outbox.recent().stream()
                .map(kept -> new OutboxMail(kept.mail().to(), kept.mail().subject(), kept.mail().textBody(), kept.queuedAt()))
                .toList();
    }

    @GetMapping(path = "/dev/outbox", produces = MediaType.TEXT_HTML_VALUE)
    String html(HttpServletRequest request) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Local outbox - Mercato</title></head><body><h1>Local outbox</h1>"
                + "<p>Mails the platform would have sent (no SMTP server is configured). Newest first.</p>");
        for (OutboxMail mail : json(request)) {
            html.append("<article><h2>").append(HtmlUtils.htmlEscape(mail.subject())).append("</h2><p>To ")
                    .append(HtmlUtils.htmlEscape(mail.to())).append(", ").append(mail.queuedAt()).append("</p><pre>")
                    .append(linked(mail.text())).append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private void requireLocalDeveloper(HttpServletRequest request) {
        boolean forwarded = request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null;
        if (production || !outbox.active() || forwarded || !isLoopback(request.getRemoteAddr())) {
            throw CoreProblems.NOT_FOUND.exception("Nothing exists at this address.");
        }
    }

    static boolean isLoopback(String address) {
        // A literal address only: never a name lookup on request data.
        if (address == null || !address.matches("[0-9A-Fa-f:.]{2,45}")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String linked(String text) {
        String escaped = HtmlUtils.htmlEscape(text);
        Matcher links = LINK.matcher(escaped);
        return links.replaceAll(m -> "<a href=\"" + Matcher.quoteReplacement(m.group()) + "\">" + Matcher.quoteReplacement(m.group()) + "</a>");
    }

    record OutboxMail(String to, String subject, String text, java.time.Instant queuedAt) {
    }
}
