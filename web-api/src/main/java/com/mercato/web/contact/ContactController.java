package com.mercato.web.contact;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.contact.Contact;
import com.mercato.core.contact.ContactDetails;
import com.mercato.core.contact.ContactService;
import com.mercato.core.contact.LifecycleStage;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.ProblemException;

import tools.jackson.databind.JsonNode;

/** A shop's contacts. The shop is bound as the tenant before any of these run. */
@RestController
@RequestMapping("/api/v1/shops/{slug}/contacts")
class ContactController {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    record ContactRequest(String name, String email, String phone, String lifecycleStage, List<String> tags) {
    }


    record ContactView(UUID id, String name, String email, String phone, String lifecycleStage, List<String> tags,
                       Instant createdAt, Instant updatedAt, long version) {
        static ContactView of(Contact contact) {
            ContactDetails d = contact.details();
            return new ContactView(contact.id(), d.name(), d.email(), d.phone(), d.lifecycleStage().name(), d.tags(),
                    contact.createdAt(), contact.updatedAt(), contact.version());
        }
    }

    record ContactPage(List<ContactView> items, int page, int size, long totalItems, int totalPages) {
    }

    @PostMapping
    ResponseEntity<ContactView> create(@PathVariable String slug, @RequestBody ContactRequest request) {
        ContactDetails details = validated(request.name(), request.email(), request.phone(), request.lifecycleStage(), request.tags());
        Contact contact = contacts.create(details);
        return ResponseEntity.created(URI.create("/api/v1/shops/" + slug + "/contacts/" + contact.id()))
                .body(ContactView.of(contact));
    }

    @GetMapping
    ContactPage search(@RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        FieldErrors errors = new FieldErrors()
                .require(page >= 0, "page", "must be 0 or more")
                .require(size >= 1 && size <= 200, "size", "must be between 1 and 200");
        errors.throwIfAny();
        Page<Contact> result = contacts.search(q, PageRequest.of(page, size, Sort.by("createdAt", "id")));
        return new ContactPage(result.map(ContactView::of).getContent(), page, size, result.getTotalElements(), result.getTotalPages());
    }

    @GetMapping("/{id}")
    ContactView get(@PathVariable UUID id) {
        return contacts.find(id).map(ContactView::of).orElseThrow(ContactService::notFound);
    }

    /** A merge patch (RFC 7396): absent fields stay as they are, a field sent as {@code null} is cleared. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ContactView update(@PathVariable UUID id, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            throw ProblemException.invalidField("body", "must be a JSON object");
        }
        Long version = patch.hasNonNull("version") && patch.get("version").canConvertToLong() ? patch.get("version").asLong() : null;
        Contact updated = contacts.update(id, version, current -> validated(
                text(patch, "name", current.name()),
                text(patch, "email", current.email()),
                text(patch, "phone", current.phone()),
                text(patch, "lifecycleStage", current.lifecycleStage().name()),
                patch.has("tags") ? tags(patch.get("tags")) : current.tags()));
        return ContactView.of(updated);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        contacts.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static String text(JsonNode patch, String field, String current) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ProblemException.invalidField(field, "must be a string");
        }
        return value.asString();
    }

    private static List<String> tags(JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || !value.valueStream().allMatch(JsonNode::isString)) {
            throw ProblemException.invalidField("tags", "must be an array of strings");
        }
        return value.valueStream().map(JsonNode::asString).toList();
    }

    static ContactDetails validated(String name, String email, String phone, String lifecycleStage, List<String> tags) {
        FieldErrors errors = new FieldErrors()
                .require(name != null && !name.isBlank(), "name", "must not be blank")
                .require(name == null || name.length() <= 200, "name", "must be at most 200 characters")
                .require(email == null || email.isBlank() || (email.length() <= 254 && EMAIL.matcher(email.strip()).matches()),
                        "email", "must be an e-mail address")
                .require(phone == null || phone.isBlank() || E164.matcher(phone.strip()).matches(),
                        "phone", "must be in E.164 form, such as +85291234567")
                .require(lifecycleStage == null || isStage(lifecycleStage), "lifecycleStage",
                        "must be one of " + List.of(LifecycleStage.values()))
                .require(tags == null || tags.size() <= 50, "tags", "may hold at most 50 tags")
                .require(tags == null || tags.stream().allMatch(t -> t != null && t.strip().length() <= 50 && !t.isBlank()),
                        "tags", "must be non-blank and at most 50 characters each");
        errors.throwIfAny();
        return new ContactDetails(name, email, phone, lifecycleStage == null ? null : LifecycleStage.valueOf(lifecycleStage), tags);
    }

    private static boolean isStage(String text) {
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage.name().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
