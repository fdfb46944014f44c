/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("subscription")
package com.mercato.billing.subscription;

import org.springframework.modulith.NamedInterface;
