/** Published API of tenant-management used by the modules above it. */
@NamedInterface("shop")
package com.mercato.tenant.shop;

import org.springframework.modulith.NamedInterface;
