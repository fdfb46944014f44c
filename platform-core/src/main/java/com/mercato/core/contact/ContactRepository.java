package com.mercato.core.contact;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface ContactRepository extends JpaRepository<Contact, UUID> {

    /**
     * Joins the caller's transaction, and runs as one autocommit statement without one: Spring
     * Data's own default (a read-only transaction) adds a round trip, the COMMIT, to a single-row read.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<Contact> findById(UUID id);

    @Query("""
            select c from Contact c
            where lower(c.name) like lower(concat('%', :text, '%'))
               or c.email like lower(concat('%', :text, '%'))
               or c.phone like concat('%', :text, '%')
            """)
    Page<Contact> search(String text, Pageable pageable);

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, UUID id);
}
