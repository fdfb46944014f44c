/** Published API of tenant-management used by the modules above it. */
@NamedInterface("migration")
package com.mercato.tenant.migration;

import org.springframework.modulith.NamedInterface;
