package com.mercato.web.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.mercato.MercatoApplication;
import com.mercato.core.problem.ProblemType;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mercato");

    @Test
    void modulesDependOnlyDownwards() {
        noClasses().that().resideInAPackage("com.mercato.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mercato.tenant..", "com.mercato.billing..", "com.mercato.web..", "com.mercato.admin..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.mercato.tenant..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mercato.billing..", "com.mercato.web..", "com.mercato.admin..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.mercato.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mercato.web..", "com.mercato.admin..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.mercato.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mercato.web..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("com.mercato.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void springModulithAcceptsTheModuleStructure() {
        ApplicationModules.of(MercatoApplication.class).verify();
    }

    @Test
    void onlyTheTenancyKernelBuildsSchemaNames() {
        noClasses().that().resideOutsideOfPackage("com.mercato.core.tenancy..")
                .should().callMethod(com.mercato.core.tenancy.TenantSchema.class, "quoted")
                .orShould().callConstructor(com.mercato.core.tenancy.TenantSchema.class, String.class)
                .allowEmptyShould(true)
                .because("schema names come from tenant ids in one place (migrations reach them through TenantId.schema())")
                .check(CLASSES.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage("com.mercato.core.migration.."))));
    }

    @Test
    void everyProblemTypeUriIsUnique() throws IllegalAccessException {
        Map<String, String> seen = new HashMap<>();
        for (JavaClass javaClass : CLASSES) {
            for (Field field : javaClass.reflect().getDeclaredFields()) {
                if (field.getType() == ProblemType.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    ProblemType type = (ProblemType) field.get(null);
                    String where = javaClass.getName() + "." + field.getName();
                    String earlier = seen.putIfAbsent(type.uri().toString(), where);
                    assertThat(earlier).as("%s is used by both %s and %s", type.uri(), earlier, where).isNull();
                }
            }
        }
        assertThat(seen).containsKeys("/problems/validation", "/problems/not-found", "/problems/slug-taken");
    }
}
