/** Published API of tenant-management used by the modules above it. */
@NamedInterface("member")
package com.mercato.tenant.member;

import org.springframework.modulith.NamedInterface;
