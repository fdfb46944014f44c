/** Published API of tenant-management used by the modules above it. */
@NamedInterface("session")
package com.mercato.tenant.session;

import org.springframework.modulith.NamedInterface;
