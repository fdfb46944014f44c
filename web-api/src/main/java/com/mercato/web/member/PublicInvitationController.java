package com.mercato.web.member;

import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.tenant.invitation.InvitationAcceptance;
import com.mercato.tenant.member.Member;

/**
 * The invitee's API, without a login: the token in the path is the credential. Accepting needs
 * no CSRF token (as sign-up): it opens no session and the token cannot be guessed.
 */
@RestController
@RequestMapping("/api/v1/invitations/{token}")
class PublicInvitationController {

    private final InvitationAcceptance acceptance;

    PublicInvitationController(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    record InvitationInfo(String shopName, String shopSlug, String email, String role, Instant expiresAt, boolean existingLogin) {
    }

    /** {@code name} is ignored (and may be left out) when the e-mail already has a login. */
    record AcceptRequest(String name, String password) {
        @Override
        public String toString() {
            return "AcceptRequest[name=" + name + "]";
        }
    }

    @GetMapping
    InvitationInfo show(@PathVariable String token) {
        InvitationAcceptance.Preview preview = acceptance.preview(token);
        return new InvitationInfo(preview.shopName(), preview.shopSlug(), preview.email(), preview.role().name(),
                preview.expiresAt(), preview.existingLogin());
    }

    @PostMapping("/accept")
    ResponseEntity<TeamViews.MemberView> accept(@PathVariable String token, @RequestBody AcceptRequest body, HttpServletRequest request) {
        InvitationAcceptance.Joined joined = acceptance.accept(token, body.name(), body.password(), request.getRemoteAddr());
        Member member = joined.member();
        return ResponseEntity.created(URI.create("/api/v1/shops/" + joined.shopSlug() + "/members/" + member.id()))
                .body(TeamViews.MemberView.of(member));
    }
}
