/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("provider")
package com.mercato.billing.provider;

import org.springframework.modulith.NamedInterface;
