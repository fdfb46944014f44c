/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("sandbox")
package com.mercato.billing.provider.sandbox;

import org.springframework.modulith.NamedInterface;
