/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("entitlement")
package com.mercato.billing.entitlement;

import org.springframework.modulith.NamedInterface;
