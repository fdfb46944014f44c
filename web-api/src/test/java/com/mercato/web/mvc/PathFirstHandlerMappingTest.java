package com.mercato.web.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import com.mercato.web.support.IntegrationTest;

class PathFirstHandlerMappingTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping applicationMapping;

    final PathFirstHandlerMapping mapping = new PathFirstHandlerMapping();
    final AtomicInteger methodReads = new AtomicInteger();

    @Test
    void theApplicationMapsControllersPathFirst() {
        assertThat(applicationMapping).isInstanceOf(PathFirstHandlerMapping.class);
    }

    @Test
    void aMappingForAnotherPathIsRefusedWithoutReadingTheRequestAnyFurther() {
        var request = request("GET", "/api/v1/shops/acme/contacts/42");

        assertThat(mapping.getMatchingMapping(info("/api/v1/plans", RequestMethod.GET), request)).isNull();
        assertThat(methodReads).hasValue(0);
    }

    @Test
    void aMappingForThisPathMatchesExactlyAsSpringsOwnWould() {
        RequestMappingInfo read = info("/api/v1/shops/{slug}/contacts/{id}", RequestMethod.GET);
        RequestMappingInfo delete = info("/api/v1/shops/{slug}/contacts/{id}", RequestMethod.DELETE);
        var request = request("GET", "/api/v1/shops/acme/contacts/42");

        assertThat(mapping.getMatchingMapping(read, request)).isNotNull().isEqualTo(read.getMatchingCondition(request));
        assertThat(mapping.getMatchingMapping(delete, request)).isNull();
    }

    private MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path) {
            @Override
            public String getMethod() {
                methodReads.incrementAndGet();
                return super.getMethod();
            }
        };
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static RequestMappingInfo info(String path, RequestMethod method) {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        return RequestMappingInfo.paths(path).methods(method).options(options).build();
    }
}
