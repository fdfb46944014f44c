package com.mercato.core.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A shop's customer. Lives in the shop's own schema. */
@Entity
@Table(name = "contacts")
public class Contact {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String email;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage", nullable = false)
    private LifecycleStage lifecycleStage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    Contact(UUID id, ContactDetails details, Instant now) {
        this.id = id;
        this.createdAt = now;
        apply(details, now);
    }

    void apply(ContactDetails details, Instant now) {
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.lifecycleStage = details.lifecycleStage();
        this.tags = new ArrayList<>(details.tags());
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public ContactDetails details() {
        return new ContactDetails(name, email, phone, lifecycleStage, List.copyOf(tags));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
