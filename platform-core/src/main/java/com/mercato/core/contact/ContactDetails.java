package com.mercato.core.contact;

import java.util.List;
import java.util.Locale;

/** What a shop knows about a contact; e-mail is kept lowercase, tags trimmed and distinct. */
public record ContactDetails(String name, String email, String phone, LifecycleStage lifecycleStage, List<String> tags) {

    public ContactDetails {
        name = name == null ? null : name.strip();
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        lifecycleStage = lifecycleStage == null ? LifecycleStage.LEAD : lifecycleStage;
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
