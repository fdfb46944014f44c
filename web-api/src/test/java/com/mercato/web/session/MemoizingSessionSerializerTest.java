package com.mercato.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.mercato.web.security.MemberPrincipal;

class MemoizingSessionSerializerTest {

    final ClassLoader loader = getClass().getClassLoader();
    final JdkSerializationRedisSerializer jdk = new JdkSerializationRedisSerializer(loader);
    final MemoizingSessionSerializer serializer = new MemoizingSessionSerializer(loader, 2);

    @Test
    void aStoredContextReadsBackAsTheJdkReadsItEveryTime() {
        byte[] stored = serializer.serialize(loggedIn("ada@shop.example"));
        SecurityContext expected = (SecurityContext) jdk.deserialize(stored);

        for (int request = 0; request < 3; request++) {
            SecurityContext read = (SecurityContext) serializer.deserialize(stored);
            var token = (UsernamePasswordAuthenticationToken) read.getAuthentication();
            var person = (MemberPrincipal) token.getPrincipal();
            var original = (MemberPrincipal) expected.getAuthentication().getPrincipal();

            assertThat(token.isAuthenticated()).isTrue();
            assertThat(token.getAuthorities()).isEqualTo(expected.getAuthentication().getAuthorities());
            assertThat(token.getDetails()).isEqualTo(expected.getAuthentication().getDetails());
            assertThat(person.userId()).isEqualTo(original.userId());
            assertThat(person.email()).isEqualTo(original.email());
            assertThat(person.name()).isEqualTo(original.name());
        }
        assertThat(serializer.size()).isEqualTo(1);
    }

    @Test
    void whatOneRequestDoesToItsContextNeverReachesTheNext() {
        byte[] stored = serializer.serialize(loggedIn("ada@shop.example"));

        SecurityContext first = (SecurityContext) serializer.deserialize(stored);
        SecurityContext second = (SecurityContext) serializer.deserialize(stored);
        ((UsernamePasswordAuthenticationToken) second.getAuthentication()).eraseCredentials();
        second.setAuthentication(null); // what logout does to the context it is handed
        SecurityContext third = (SecurityContext) serializer.deserialize(stored);

        assertThat(first).isNotSameAs(second);
        assertThat(first.getAuthentication()).isNotNull().isNotSameAs(third.getAuthentication());
        assertThat(third.getAuthentication().getName()).isEqualTo("ada@shop.example");
        assertThat(first.getAuthentication().getPrincipal()).isNotSameAs(third.getAuthentication().getPrincipal());
    }

    @Test
    void differentStoredFormsAreDifferentContexts() {
        byte[] ada = serializer.serialize(loggedIn("ada@shop.example"));
        byte[] bob = serializer.serialize(loggedIn("bob@shop.example"));

        assertThat(((SecurityContext) serializer.deserialize(ada)).getAuthentication().getName()).isEqualTo("ada@shop.example");
        assertThat(((SecurityContext) serializer.deserialize(bob)).getAuthentication().getName()).isEqualTo("bob@shop.example");
        assertThat(((SecurityContext) serializer.deserialize(ada)).getAuthentication().getName()).isEqualTo("ada@shop.example");
    }

    @Test
    void theMemoStaysWithinItsCapacity() {
        for (String person : List.of("a@x.example", "b@x.example", "c@x.example", "d@x.example", "e@x.example")) {
            serializer.deserialize(serializer.serialize(loggedIn(person)));
            assertThat(serializer.size()).isBetween(1, 2);
        }
    }

    @Test
    void otherValuesRoundTripThroughTheJdkAndAreNotKept() {
        List<String> big = List.of("x".repeat(300), "y");
        SecurityContext anonymous = new SecurityContextImpl();

        assertThat(serializer.deserialize(serializer.serialize(big))).isEqualTo(big);
        assertThat(serializer.deserialize(serializer.serialize("small"))).isEqualTo("small");
        assertThat(serializer.deserialize(serializer.serialize(1_764_590_400_000L))).isEqualTo(1_764_590_400_000L);
        assertThat(((SecurityContext) serializer.deserialize(serializer.serialize(anonymous))).getAuthentication()).isNull();
        assertThat(serializer.size()).isZero();
        assertThat(serializer.deserialize(new byte[0])).isNull();
    }

    private static SecurityContext loggedIn(String email) {
        MemberPrincipal person = new MemberPrincipal(UUID.randomUUID(), email, "Someone", null);
        var token = UsernamePasswordAuthenticationToken.authenticated(person, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        token.setDetails(new WebAuthenticationDetails(request));
        return new SecurityContextImpl(token);
    }
}
