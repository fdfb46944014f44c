/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("webhook")
package com.mercato.billing.webhook;

import org.springframework.modulith.NamedInterface;
