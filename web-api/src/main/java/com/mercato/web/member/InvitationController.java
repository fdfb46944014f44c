package com.mercato.web.member;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.tenant.invitation.Invitation;
import com.mercato.tenant.invitation.Invitations;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.shop.CurrentShop;

/** Owners and admins invite people; the link goes by e-mail only, never into a response. */
@RestController
@RequestMapping("/api/v1/shops/{slug}/invitations")
@PersonOnly
class InvitationController {

    private final Invitations invitations;
    private final Clock clock;

    InvitationController(Invitations invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    record InviteRequest(String email, String role) {
    }

    @PostMapping
    ResponseEntity<TeamViews.InvitationView> invite(@RequestBody InviteRequest body, @AuthenticationPrincipal MemberPrincipal member,
                                                    HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        Invitation invitation = invitations.invite(access.shop().id(), TeamActor.of(member, request), body.email(), body.role());
        return ResponseEntity.created(URI.create("/api/v1/shops/" + access.shop().slug() + "/invitations/" + invitation.id()))
                .body(TeamViews.InvitationView.of(invitation, clock.instant()));
    }

    /** Open invitations: pending ones (holding seats) and expired ones that can be resent. */
    @GetMapping
    List<TeamViews.InvitationView> open(HttpServletRequest request) {
        return invitations.open(CurrentShop.of(request).shop().id()).stream()
                .map(invitation -> TeamViews.InvitationView.of(invitation, clock.instant())).toList();
    }

    @PostMapping("/{id}/resend")
    TeamViews.InvitationView resend(@PathVariable UUID id, @AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
        return TeamViews.InvitationView.of(
                invitations.resend(CurrentShop.of(request).shop().id(), TeamActor.of(member, request), id), clock.instant());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
        invitations.revoke(CurrentShop.of(request).shop().id(), TeamActor.of(member, request), id);
        return ResponseEntity.noContent().build();
    }
}
