package com.mercato.tenant.session;

/** What a login beyond a member's session limit does, as the shop's owner chose. */
public enum SessionOverflow {
    /** The member's least recently used session ends; the new login goes through. */
    END_OLDEST,
    /** The new login is refused until the member ends a session. */
    REFUSE_NEW
}
