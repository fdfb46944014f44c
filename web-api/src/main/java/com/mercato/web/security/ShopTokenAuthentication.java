package com.mercato.web.security;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request authenticated by a bearer access token, which always names one shop
 * ({@code shop_id}). Either a person acting through an app (authorization code: the principal is
 * a {@link MemberPrincipal}, and membership is still checked on every request) or a shop's
 * integration client (client credentials: the principal is the client id, and it acts for its
 * shop only, never on {@link PersonOnly} endpoints).
 */
public final class ShopTokenAuthentication extends AbstractAuthenticationToken {

    private final Jwt token;
    private final Object principal;
    private final UUID shopId;

    private ShopTokenAuthentication(Jwt token, Object principal, UUID shopId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.token = token;
        this.principal = principal;
        this.shopId = shopId;
        setAuthenticated(true);
    }

    public static ShopTokenAuthentication person(Jwt token, MemberPrincipal member, UUID shopId,
                                                 Collection<? extends GrantedAuthority> authorities) {
        return new ShopTokenAuthentication(token, member, shopId, authorities);
    }

    public static ShopTokenAuthentication client(Jwt token, String clientId, UUID shopId,
                                                 Collection<? extends GrantedAuthority> authorities) {
        return new ShopTokenAuthentication(token, clientId, shopId, authorities);
    }

    /** The only shop this token may be used on. */
    public UUID shopId() {
        return shopId;
    }

    public boolean isClient() {
        return !(principal instanceof MemberPrincipal);
    }

    public Jwt token() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return principal instanceof MemberPrincipal member ? member.getUsername() : (String) principal;
    }
}
