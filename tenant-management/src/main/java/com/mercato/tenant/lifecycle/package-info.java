/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("lifecycle")
package com.mercato.tenant.lifecycle;

import org.springframework.modulith.NamedInterface;
