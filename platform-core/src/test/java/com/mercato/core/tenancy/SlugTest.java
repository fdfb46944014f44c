package com.mercato.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"tea", "kowloon-tea-house", "a1b", "shop-2026", "abcdefghijabcdefghijabcdefghijabcdefghij"})
    void acceptsLowercaseLettersDigitsAndInnerHyphens(String slug) {
        assertThat(Slug.problemWith(slug)).isEmpty();
        assertThat(new Slug(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "-tea", "tea-", "Tea", "tea house", "tea_house", "tea--house", "téa", "tea;drop",
            "abcdefghijabcdefghijabcdefghijabcdefghijk", "admin", "api", "www", "public"})
    void refusesEverythingElse(String slug) {
        assertThat(Slug.problemWith(slug)).isPresent();
        assertThatThrownBy(() -> new Slug(slug)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void suggestsASlugFromAShopName() {
        assertThat(Slug.suggestFrom("Kowloon Tea House!")).isEqualTo("kowloon-tea-house");
        assertThat(Slug.suggestFrom("  --Mong Kok  Noodles-- ")).isEqualTo("mong-kok-noodles");
    }

    @Test
    void schemaNameComesFromTheIdOnly() {
        TenantId id = new TenantId(java.util.UUID.fromString("5d358c0e-18d0-4797-aaf5-b4cc828bbe06"));

        assertThat(id.schema().name()).isEqualTo("t_5d358c0e18d04797aaf5b4cc828bbe06");
        assertThat(id.schema().quoted()).isEqualTo("\"t_5d358c0e18d04797aaf5b4cc828bbe06\"");
        assertThatThrownBy(() -> new TenantSchema("t_5D358C0E18D04797AAF5B4CC828BBE06")).isInstanceOf(IllegalArgumentException.class);
    }
}
