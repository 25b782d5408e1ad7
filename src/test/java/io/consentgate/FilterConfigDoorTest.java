package io.consentgate;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code web.xml} door's {@code init} with a filter config that gives no servlet context. */
class FilterConfigDoorTest {

    private static FilterConfig withoutContext(Map<String, String> params) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "consentgate";
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        };
    }

    @Test
    void initParamsAreReadWhenTheConfigGivesNoServletContext() throws ServletException {
        ConsentGateFilter filter = new ConsentGateFilter();
        filter.init(withoutContext(Map.of("mode", "opt-out")));
        assertEquals(ConsentMode.OPT_OUT, filter.policy().mode());
    }

    @Test
    void aWebappPolicyFileWithNoServletContextFailsInitSayingThereIsNoWebapp() {
        ServletException e = assertThrows(ServletException.class, () -> new ConsentGateFilter()
                .init(withoutContext(Map.of("policy-file", "/WEB-INF/consentgate.yaml"))));
        assertInstanceOf(InvalidPolicyException.class, e.getCause());
        assertTrue(e.getMessage().contains("a webapp path is read only in a webapp, and there is none here"),
                e.getMessage());
    }
}
