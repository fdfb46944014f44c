package com.mercato.web.security;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mercato.core.secret.SecretTokens;
import com.mercato.tenant.member.Users;

/**
 * Failed logins per account and per client address (default: 5 per account, 20 per address,
 * in 15 minutes). Only failures count, so many people behind one address (an office, a test
 * run) log in freely; a success clears the account's count.
 */
@Component
public class LoginThrottle {

    private final RateLimits limits;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(RateLimits limits,
                  @Value("${mercato.login.max-failures-per-account:5}") int maxPerAccount,
                  @Value("${mercato.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${mercato.login.failure-window:PT15M}") Duration window) {
        this.limits = limits;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** How long this login must wait, if the account or the address had too many failures. */
    public Optional<Duration> mustWait(String email, String address) {
        return Stream.of(limits.exhausted(accountKey(email), maxPerAccount), limits.exhausted(addressKey(address), maxPerAddress))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    public void failed(String email, String address) {
        limits.count(accountKey(email), window);
        limits.count(addressKey(address), window);
    }

    public void succeeded(String email) {
        limits.clear(accountKey(email));
    }

    private static String accountKey(String email) {
        return "login-failures:account:" + SecretTokens.sha256Hex(String.valueOf(Users.normalizeEmail(email)));
    }

    private static String addressKey(String address) {
        return "login-failures:address:" + address;
    }

}
