/** Published API of billing used by the modules above it. */
@NamedInterface("plan")
package com.mercato.billing.plan;

import org.springframework.modulith.NamedInterface;
