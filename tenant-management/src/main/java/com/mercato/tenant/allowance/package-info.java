/** Published API of tenant-management used by the modules above it. */
@NamedInterface("allowance")
package com.mercato.tenant.allowance;

import org.springframework.modulith.NamedInterface;
