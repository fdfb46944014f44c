package com.mercato.web.support;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail), which the application sends to exactly as it
 * would to a production relay. Tests read what a person would find in their inbox.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final GreenMail SERVER = start();

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
        return server;
    }

    public static int smtpPort() {
        return SERVER.getSmtp().getPort();
    }

    public record Mail(String to, String subject, String text) {

        /** The path and query of the first link whose path contains the marker, ready for {@link ApiClient}. */
        public Optional<String> linkPath(String pathContains) {
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                URI uri = URI.create(links.group());
                if (uri.getPath().contains(pathContains)) {
                    return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            }
            return Optional.empty();
        }
    }

    /** Every mail received for this address so far, oldest first. */
    public List<Mail> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .map(Mailbox::read)
                .filter(mail -> mail.to().equalsIgnoreCase(address))
                .toList();
    }

    /** Waits for a mail to this address whose subject contains the text; the newest such. */
    public Mail awaitMail(String to, String subjectContains) {
        Mail[] found = new Mail[1];
        Poll.until("a mail to " + to + " about '" + subjectContains + "'", Duration.ofSeconds(15), () -> {
            List<Mail> matching = to(to).stream().filter(m -> m.subject().contains(subjectContains)).toList();
            found[0] = matching.isEmpty() ? null : matching.getLast();
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits for a mail to this address with a link whose path contains the marker; that link's path and query. */
    public String awaitLink(String to, String pathContains) {
        String[] found = new String[1];
        Poll.until("a mail to " + to + " with a link to " + pathContains, Duration.ofSeconds(15), () -> {
            found[0] = to(to).reversed().stream()
                    .flatMap(m -> m.linkPath(pathContains).stream())
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Mail read(MimeMessage message) {
        try {
            Object content = message.getContent();
            String text = content instanceof String s ? s : String.valueOf(content);
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            return new Mail(to, message.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }
}
