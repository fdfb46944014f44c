package com.mercato.web.oauth;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.springframework.security.jackson.SecurityJacksonModules;

import com.mercato.web.security.MemberPrincipal;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The JSON the JDBC authorization service stores an authorization's attributes in. Those hold
 * the logged-in person's {@link Authentication}, whose principal is our {@link MemberPrincipal}:
 * Spring Security only reads back types it allows, so ours is allowed here and mapped without
 * its password hash.
 */
final class AuthorizationJson {

    private AuthorizationJson() {
    }

    static JsonMapper mapper() {
        ClassLoader loader = AuthorizationJson.class.getClassLoader();
        BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(MemberPrincipal.class);
        return JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(loader, allowed))
                .addMixIn(MemberPrincipal.class, MemberPrincipalMixin.class)
                .build();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonIgnoreProperties(value = {"passwordHash"}, ignoreUnknown = true)
    abstract static class MemberPrincipalMixin {
        @JsonCreator
        MemberPrincipalMixin(@JsonProperty("userId") UUID userId, @JsonProperty("email") String email,
                             @JsonProperty("name") String name, @JsonProperty("passwordHash") String passwordHash) {
        }
    }
}
