package com.mercato.core.contact;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, UUID> {

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
