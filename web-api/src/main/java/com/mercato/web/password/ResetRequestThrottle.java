package com.mercato.web.password;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.secret.SecretTokens;
import com.mercato.tenant.member.Users;
import com.mercato.web.security.RateLimits;

/**
 * Password reset requests per e-mail (default 3 an hour: nobody's inbox gets flooded) and per
 * client address (default 20 an hour). Counted whether the e-mail exists or not, so the limit
 * tells nothing about it.
 */
@Component
class ResetRequestThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimits limits;
    private final int maxPerEmail;
    private final int maxPerAddress;

    ResetRequestThrottle(RateLimits limits,
                         @Value("${mercato.password-reset.max-per-email:3}") int maxPerEmail,
                         @Value("${mercato.password-reset.max-per-address:20}") int maxPerAddress) {
        this.limits = limits;
        this.maxPerEmail = maxPerEmail;
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts this request, or refuses it with 429 when the e-mail or the address had enough this hour. */
    void admit(String email, String address) {
        String emailKey = "password-reset:email:" + SecretTokens.sha256Hex(Users.normalizeEmail(email));
        String addressKey = "password-reset:address:" + address;
        limits.exhausted(emailKey, maxPerEmail).or(() -> limits.exhausted(addressKey, maxPerAddress)).ifPresent(wait -> {
            long seconds = RateLimits.retryAfterSeconds(wait);
            throw new ProblemException(CoreProblems.RATE_LIMITED,
                    "Too many password reset requests. Try again in " + seconds + " seconds, and check your inbox for the last link.",
                    java.util.List.of(), Map.of("retryAfterSeconds", seconds));
        });
        limits.count(emailKey, WINDOW);
        limits.count(addressKey, WINDOW);
    }

}
