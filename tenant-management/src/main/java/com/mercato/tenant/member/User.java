package com.mercato.tenant.member;

import java.util.UUID;

/** A person with a login; may belong to several shops. The password hash never leaves this module's API. */
public record User(UUID id, String email, String name) {
}
