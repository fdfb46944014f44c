package com.mercato.web.member;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.tenant.member.Members;
import com.mercato.tenant.member.Seats;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.shop.CurrentShop;

/**
 * A shop's team and seats. Any member may look; owners and admins change roles and
 * (de)activate (the rules are in {@link Members#change}). {@code DELETE} deactivates: nobody
 * is ever deleted, so the audit and the person's other shops stay intact.
 */
@RestController
@RequestMapping("/api/v1/shops/{slug}")
@PersonOnly
class MemberController {

    private final Members members;
    private final Seats seats;

    MemberController(Members members, Seats seats) {
        this.members = members;
        this.seats = seats;
    }

    @GetMapping("/seats")
    TeamViews.SeatsView seats(HttpServletRequest request) {
        return TeamViews.SeatsView.of(seats.usage(CurrentShop.of(request).shop().id()));
    }

    @GetMapping("/members")
    List<TeamViews.MemberView> members(HttpServletRequest request) {
        return members.list(CurrentShop.of(request).shop().id()).stream().map(TeamViews.MemberView::of).toList();
    }

    @GetMapping("/members/{id}")
    TeamViews.MemberView member(@PathVariable UUID id, HttpServletRequest request) {
        return members.find(CurrentShop.of(request).shop().id(), id).map(TeamViews.MemberView::of)
                .orElseThrow(() -> com.mercato.core.problem.CoreProblems.NOT_FOUND.exception("This shop has no such member."));
    }

    @PatchMapping("/members/{id}")
    TeamViews.MemberView change(@PathVariable UUID id, @RequestBody Members.Change change,
                                @AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
        return TeamViews.MemberView.of(members.change(CurrentShop.of(request).shop().id(), TeamActor.of(member, request), id, change));
    }

    @DeleteMapping("/members/{id}")
    TeamViews.MemberView deactivate(@PathVariable UUID id, @AuthenticationPrincipal MemberPrincipal member,
                                    HttpServletRequest request) {
        return TeamViews.MemberView.of(members.change(CurrentShop.of(request).shop().id(), TeamActor.of(member, request), id,
                new Members.Change(null, "DEACTIVATED")));
    }
}
