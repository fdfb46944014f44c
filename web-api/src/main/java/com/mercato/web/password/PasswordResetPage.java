package com.mercato.web.password;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.password.PasswordResets;

/** The page a reset link opens: a form for the new password, without any script. */
@Controller
class PasswordResetPage {

    private final PasswordResets resets;

    PasswordResetPage(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping(value = "/password-reset/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@PathVariable String token, HttpServletRequest request) {
        if (!resets.isUsable(token)) {
            return page(410, "This link has expired or was already used.",
                    "<p>Ask for a new one on the login page.</p><p><a href=\"/login\">Log in</a></p>");
        }
        return page(200, "Choose a new password", """
                <form method="post" action="/password-reset/%s">
                  <input type="hidden" name="_csrf" value="%s">
                  <label>New password (at least 10 characters) <input type="password" name="password" autocomplete="new-password" required minlength="10"></label>
                  <button type="submit">Set password</button>
                </form>""".formatted(HtmlUtils.htmlEscape(token), HtmlUtils.htmlEscape(csrf(request))));
    }

    @PostMapping(value = "/password-reset/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> submit(@PathVariable String token, @RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        try {
            resets.reset(token, password, request.getRemoteAddr());
        } catch (ProblemException e) {
            String why = e.errors().isEmpty() ? e.detail() : "The password " + e.errors().getFirst().message() + ".";
            return page(e.type().status(), "The password was not changed", "<p>" + HtmlUtils.htmlEscape(why) + "</p>"
                    + (e.errors().isEmpty() ? "" : "<p><a href=\"/password-reset/" + HtmlUtils.htmlEscape(token) + "\">Try again</a></p>"));
        }
        return page(200, "Your password is changed", "<p>You were logged out everywhere. <a href=\"/login\">Log in</a> with the new password.</p>");
    }

    private static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : token.getToken();
    }

    private static ResponseEntity<String> page(int status, String title, String body) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer"><title>%1$s · Mercato</title></head>
                <body><main><h1>%1$s</h1>%2$s</main></body></html>""".formatted(HtmlUtils.htmlEscape(title), body);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store").body(html);
    }
}
