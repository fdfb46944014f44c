/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("stripe")
package com.mercato.billing.provider.stripe;

import org.springframework.modulith.NamedInterface;
