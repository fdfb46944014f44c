package com.mercato.core.contact;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantContext;
import com.mercato.core.tenancy.TenantTransactional;

/** The current shop's contacts. Every call runs in the schema of the tenant bound to the thread. */
@Service
public class ContactService {

    private final ContactRepository contacts;
    private final Clock clock;
    private final ObjectProvider<ContactQuota> quota;

    ContactService(ContactRepository contacts, Clock clock, ObjectProvider<ContactQuota> quota) {
        this.contacts = contacts;
        this.clock = clock;
        this.quota = quota;
    }

    @TenantTransactional
    public Contact create(ContactDetails details) {
        // Counted in the request's own transaction: two concurrent creates may pass one over the
        // limit, which a contact quota (unlike seats) tolerates.
        quota.ifAvailable(q -> q.requireRoom(TenantContext.require(), contacts.count(), 1));
        requireFreeEmail(details.email(), null);
        Contact contact = new Contact(UUID.randomUUID(), details, clock.instant());
        return saveAndFlush(contact);
    }

    @TenantTransactional(readOnly = true)
    public long count() {
        return contacts.count();
    }

    /** A single statement needs no transaction around it; one would add a COMMIT round trip (see ContactRepository). */
    @TenantTransactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Contact> find(UUID id) {
        return contacts.findById(id);
    }

    @TenantTransactional(readOnly = true)
    public Page<Contact> search(String text, Pageable page) {
        if (text == null || text.isBlank()) {
            return contacts.findAll(page);
        }
        return contacts.search(text.strip(), page);
    }

    /** Applies the change if the contact is still at {@code expectedVersion} (when one is given). */
    @TenantTransactional
    public Contact update(UUID id, Long expectedVersion, java.util.function.UnaryOperator<ContactDetails> change) {
        Contact contact = contacts.findById(id).orElseThrow(ContactService::notFound);
        if (expectedVersion != null && expectedVersion != contact.version()) {
            throw CoreProblems.STALE_VERSION.exception("The contact was changed by someone else; reload it and try again.");
        }
        ContactDetails changed = change.apply(contact.details());
        requireFreeEmail(changed.email(), id);
        contact.apply(changed, clock.instant());
        return saveAndFlush(contact);
    }

    @TenantTransactional
    public void delete(UUID id) {
        Contact contact = contacts.findById(id).orElseThrow(ContactService::notFound);
        contacts.delete(contact);
    }

    public static ProblemException notFound() {
        return CoreProblems.NOT_FOUND.exception("No contact with this id.");
    }

    private void requireFreeEmail(String email, UUID self) {
        if (email == null) {
            return;
        }
        boolean taken = self == null ? contacts.existsByEmail(email) : contacts.existsByEmailAndIdNot(email, self);
        if (taken) {
            throw emailTaken();
        }
    }

    private Contact saveAndFlush(Contact contact) {
        try {
            return contacts.saveAndFlush(contact);
        } catch (DataIntegrityViolationException e) {
            // Two members saving the same e-mail at once: the unique index decides.
            throw emailTaken();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw CoreProblems.STALE_VERSION.exception("The contact was changed by someone else; reload it and try again.");
        }
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ContactProblems.EMAIL_TAKEN, "Another contact of this shop already has this e-mail.",
                java.util.List.of(new com.mercato.core.problem.FieldProblem("email", "is already used by another contact")), java.util.Map.of());
    }
}
