/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("dunning")
package com.mercato.billing.dunning;

import org.springframework.modulith.NamedInterface;
