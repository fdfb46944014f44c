package com.mercato.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedPathTest {

    @Test
    void tokensInInvitationAndResetLinksNeverReachALogLine() {
        assertThat(ProblemHandler.withoutSecrets("/api/v1/invitations/Zm9vYmFy-_123/accept")).isEqualTo("/api/v1/invitations/{token}/accept");
        assertThat(ProblemHandler.withoutSecrets("/invitations/Zm9vYmFy")).isEqualTo("/invitations/{token}");
        assertThat(ProblemHandler.withoutSecrets("/api/v1/password-reset/abc.DEF")).isEqualTo("/api/v1/password-reset/{token}");
        assertThat(ProblemHandler.withoutSecrets("/password-reset/abc")).isEqualTo("/password-reset/{token}");
        assertThat(ProblemHandler.withoutSecrets("/api/v1/shops/tea/contacts/42")).isEqualTo("/api/v1/shops/tea/contacts/42");
    }
}
