/** Published API of billing used by the modules above it. */
@NamedInterface("allowance")
package com.mercato.billing.allowance;

import org.springframework.modulith.NamedInterface;
