/** Published API of tenant-management used by the modules above it. */
@NamedInterface("provisioning")
package com.mercato.tenant.provisioning;

import org.springframework.modulith.NamedInterface;
