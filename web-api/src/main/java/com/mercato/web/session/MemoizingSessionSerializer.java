package com.mercato.web.session;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

import com.mercato.web.security.MemberPrincipal;

/**
 * Spring Session's values in JDK serialization, as before, except that a logged-in person's
 * security context is deserialized once per distinct stored form rather than on every request:
 * that was 7% of a tenant read's CPU (its object stream resolves a dozen classes by name). The
 * memo is keyed by the exact stored bytes, so it can never answer with anything but what those
 * bytes say, and the session itself is still read from Redis on every request: a session ended
 * elsewhere ends here at once.
 *
 * <p>Every request gets its own copy of the context, its authentication and its principal: logout
 * clears the context it is handed, and nothing one request does may reach another. Contexts of any
 * other shape are deserialized every time. The memo is bounded; when full it starts over.
 */
final class MemoizingSessionSerializer implements RedisSerializer<Object> {

    /** Smaller values (times, ids, our string attributes) are cheap to deserialize and not worth a key. */
    private static final int SMALLEST_MEMOIZED = 256;

    private final JdkSerializationRedisSerializer jdk;
    private final int capacity;
    private final Map<StoredForm, PersonContext> contexts = new ConcurrentHashMap<>();

    MemoizingSessionSerializer(ClassLoader classLoader, int capacity) {
        this.jdk = new JdkSerializationRedisSerializer(classLoader);
        this.capacity = capacity;
    }

    @Override
    public byte[] serialize(Object value) {
        return jdk.serialize(value);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length < SMALLEST_MEMOIZED) {
            return jdk.deserialize(bytes);
        }
        StoredForm form = new StoredForm(bytes);
        PersonContext known = contexts.get(form);
        if (known != null) {
            return known.copy();
        }
        Object value = jdk.deserialize(bytes);
        PersonContext context = PersonContext.of(value);
        if (context != null) {
            if (contexts.size() >= capacity) {
                contexts.clear();
            }
            contexts.put(form, context);
            return context.copy(); // the memo's own instances never leave it
        }
        return value;
    }

    int size() {
        return contexts.size();
    }

    /** The stored bytes as a key: compared by content, hashed once. */
    private record StoredForm(byte[] bytes, int hash) {
        StoredForm(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredForm form && form.hash == hash && Arrays.equals(form.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** What a form login leaves in the session, kept as the parts a copy is made from. */
    private record PersonContext(MemberPrincipal person, UsernamePasswordAuthenticationToken token) {

        static PersonContext of(Object value) {
            if (value instanceof SecurityContextImpl context
                    && context.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                    && token.getClass() == UsernamePasswordAuthenticationToken.class
                    && token.isAuthenticated()
                    && token.getPrincipal() instanceof MemberPrincipal person) {
                return new PersonContext(person, token);
            }
            return null;
        }

        SecurityContext copy() {
            MemberPrincipal principal = new MemberPrincipal(person.userId(), person.email(), person.name(), person.getPassword());
            UsernamePasswordAuthenticationToken authentication =
                    UsernamePasswordAuthenticationToken.authenticated(principal, token.getCredentials(), token.getAuthorities());
            authentication.setDetails(token.getDetails());
            return new SecurityContextImpl(authentication);
        }
    }
}
