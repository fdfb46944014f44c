/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("invoice")
package com.mercato.billing.invoice;

import org.springframework.modulith.NamedInterface;
