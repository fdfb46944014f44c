/** Published API of tenant-management used by the modules above it. */
@NamedInterface("password")
package com.mercato.tenant.password;

import org.springframework.modulith.NamedInterface;
