package com.mercato.web.password;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.FieldErrors;
import com.mercato.tenant.password.PasswordResets;

/**
 * Password reset for people who cannot log in: ask for a link (always 202, whether the e-mail
 * has a login or not), then set a new password with the link's token.
 */
@RestController
class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    private final PasswordResets resets;
    private final ResetRequestThrottle throttle;
    private final TaskExecutor executor;

    PasswordResetController(PasswordResets resets, ResetRequestThrottle throttle,
                            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.resets = resets;
        this.throttle = throttle;
        this.executor = executor;
    }

    record ResetRequest(String email) {
    }

    record NewPassword(String password) {
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    @PostMapping("/api/v1/password-reset")
    ResponseEntity<Void> request(@RequestBody ResetRequest body, HttpServletRequest request) {
        new FieldErrors().require(body.email() != null && body.email().contains("@"), "email", "must be an e-mail address").throwIfAny();
        throttle.admit(body.email(), request.getRemoteAddr());
        // After the answer, so an e-mail with a login (a row, a mail) takes no longer to answer than one without.
        String email = body.email();
        String address = request.getRemoteAddr();
        executor.execute(() -> {
            try {
                resets.request(email, address);
            } catch (RuntimeException e) {
                log.error("Could not issue a password reset link", e);
            }
        });
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/password-reset/{token}")
    ResponseEntity<Void> reset(@PathVariable String token, @RequestBody NewPassword body, HttpServletRequest request) {
        resets.reset(token, body.password(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
