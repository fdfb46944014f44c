/** Published API of tenant-management used by the modules above it. */
@NamedInterface("audit")
package com.mercato.tenant.audit;

import org.springframework.modulith.NamedInterface;
