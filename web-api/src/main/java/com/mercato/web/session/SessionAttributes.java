package com.mercato.web.session;

/** What Mercato keeps in a person's HTTP session besides Spring Security's context. */
public final class SessionAttributes {

    /** The id (UUID as text) of the shop the person works in; null when they have no usable shop. */
    public static final String CURRENT_SHOP = "mercato.currentShop";
    /** The User-Agent the person logged in with. */
    public static final String DEVICE = "mercato.device";
    /** The client address the person logged in from. */
    public static final String IP = "mercato.ip";

    private SessionAttributes() {
    }
}
