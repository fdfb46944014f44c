/** The shared kernel: tenancy, migrations, the error model and the CRM domain; every module may use all of it. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.mercato.core;

import org.springframework.modulith.ApplicationModule;
