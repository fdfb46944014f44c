/** Published API of tenant-management used by the modules above it. */
@NamedInterface("mail")
package com.mercato.tenant.mail;

import org.springframework.modulith.NamedInterface;
