/** Published to the modules above: only the public types here are API; the rest is package-private. */
@NamedInterface("notice")
package com.mercato.billing.notice;

import org.springframework.modulith.NamedInterface;
