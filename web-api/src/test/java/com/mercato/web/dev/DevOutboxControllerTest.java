package com.mercato.web.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.mail.LocalOutbox;
import com.mercato.tenant.mail.OutgoingMail;

class DevOutboxControllerTest {

    private final LocalOutbox outbox = new LocalOutbox(true);

    @Test
    void aDeveloperOnThisMachineSeesTheKeptMailsNewestFirstWithClickableLinks() {
        outbox.deliver(new OutgoingMail("a@example.com", "First", "one"), Instant.parse("2026-12-01T10:00:00Z"));
        outbox.deliver(new OutgoingMail("b@example.com", "Second", "open http://localhost:8080/invitations/tok"), Instant.parse("2026-12-01T10:01:00Z"));
        DevOutboxController controller = new DevOutboxController(outbox, new MockEnvironment());

        assertThat(controller.json(from("127.0.0.1"))).extracting(DevOutboxController.OutboxMail::subject).containsExactly("Second", "First");
        assertThat(controller.json(from("::1"))).hasSize(2);
        assertThat(controller.html(from("127.0.0.1"))).contains("<a href=\"http://localhost:8080/invitations/tok\">");
    }

    @Test
    void theOutboxDoesNotExistForAnotherMachineAProxiedCallerOrInProduction() {
        DevOutboxController controller = new DevOutboxController(outbox, new MockEnvironment());
        MockHttpServletRequest proxied = from("127.0.0.1");
        proxied.addHeader("X-Forwarded-For", "203.0.113.9");
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> controller.json(from("203.0.113.9"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> controller.json(from("localhost"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> controller.json(proxied)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new DevOutboxController(outbox, prod).json(from("127.0.0.1"))).isInstanceOf(ProblemException.class);
    }

    @Test
    void withSmtpConfiguredTheOutboxIsGone() {
        DevOutboxController controller = new DevOutboxController(new LocalOutbox(false), new MockEnvironment());

        assertThatThrownBy(() -> controller.json(from("127.0.0.1"))).isInstanceOf(ProblemException.class);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/outbox");
        request.setRemoteAddr(address);
        return request;
    }
}
