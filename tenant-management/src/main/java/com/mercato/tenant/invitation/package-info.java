/** Published API of tenant-management used by the modules above it. */
@NamedInterface("invitation")
package com.mercato.tenant.invitation;

import org.springframework.modulith.NamedInterface;
