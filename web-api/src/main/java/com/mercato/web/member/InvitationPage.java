package com.mercato.web.member;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.mercato.core.problem.FieldProblem;
import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.invitation.InvitationAcceptance;

/**
 * The page an invitation e-mail links to: plain server-rendered HTML with a form that works
 * without any script. The form posts back here, protected by the usual CSRF token (the
 * {@code XSRF-TOKEN} cookie set when the page loads, echoed in the {@code _csrf} field), and
 * accepts through the same service as the JSON API. The page sends no referrer, so the token
 * in its address never leaks to another site.
 */
@RestController
// No "produces": the page answers HTML whatever the Accept header says (it sets its own content type).
@RequestMapping("/invitations/{token}")
class InvitationPage {

    private final InvitationAcceptance acceptance;

    InvitationPage(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @GetMapping
    ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
        try {
            return page(200, form(acceptance.preview(token), token, csrf(request), null));
        } catch (ProblemException e) {
            return page(e.type().status(), "<h1>Invitation</h1><p>" + e(e.detail()) + "</p>");
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> accept(@PathVariable String token, @RequestParam(name = "name", required = false) String name,
                                  @RequestParam(name = "password", required = false) String password, HttpServletRequest request) {
        try {
            InvitationAcceptance.Joined joined = acceptance.accept(token, name, password, request.getRemoteAddr());
            return page(201, "<h1>Welcome, " + e(joined.member().name()) + "</h1><p>You are now a member of this shop ("
                    + e(joined.shopSlug()) + "). <a href=\"/login\">Log in</a> with " + e(joined.member().email()) + ".</p>");
        } catch (ProblemException problem) {
            StringBuilder message = new StringBuilder(e(problem.detail()));
            for (FieldProblem field : problem.errors()) {
                message.append("<br>").append(e(field.field())).append(": ").append(e(field.message()));
            }
            try {
                return page(problem.type().status(), form(acceptance.preview(token), token, csrf(request), message.toString()));
            } catch (ProblemException gone) {
                return page(problem.type().status(), "<h1>Invitation</h1><p>" + message + "</p>");
            }
        }
    }

    private static String form(InvitationAcceptance.Preview preview, String token, String csrf, String error) {
        StringBuilder html = new StringBuilder(1024)
                .append("<h1>Join ").append(e(preview.shopName())).append(" on Mercato</h1>")
                .append("<p>You are invited as ").append(e(preview.role().name().toLowerCase(java.util.Locale.ROOT)))
                .append(" with the address ").append(e(preview.email())).append(". The invitation expires on ")
                .append(e(preview.expiresAt().toString())).append(".</p>");
        if (error != null) {
            html.append("<p role=\"alert\">").append(error).append("</p>");
        }
        html.append("<form method=\"post\" action=\"/invitations/").append(e(token)).append("\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(e(csrf)).append("\">");
        if (preview.existingLogin()) {
            html.append("<p>This address already has a Mercato login: enter its password to add this shop to it.</p>");
        } else {
            html.append("<label>Your name <input name=\"name\" required maxlength=\"200\" autocomplete=\"name\"></label><br>");
        }
        html.append("<label>Password <input type=\"password\" name=\"password\" required minlength=\"10\" autocomplete=\"")
                .append(preview.existingLogin() ? "current-password" : "new-password").append("\"></label><br>")
                .append("<button type=\"submit\">Accept the invitation</button></form>");
        return html.toString();
    }

    private static ResponseEntity<String> page(int status, String body) {
        return ResponseEntity.status(status)
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Invitation - Mercato</title>"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
                        + body + "</body></html>");
    }

    private static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : token.getToken();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
