package io.originate.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Rejects, before any filter of Camunda's or ours sees the request, every path that is not in
 * normal form: {@code ;} (path parameters), encoded {@code / \\ . %}, encoded letters and digits
 * ({@code %73}), {@code //}, {@code /./}, {@code /../}.
 */
@Configuration
class PathFirewall {

    /**
     * Spring Security's strict firewall, and more: letters, digits and {@code - . _ ~} never need
     * encoding (RFC 3986), so an encoded one ({@code %73}) only disguises a path.
     */
    @Bean
    StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        for (char c = 0; c < 128; c++) {
            if (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0) {
                String hex = String.format("%02X", (int) c);
                firewall.getEncodedUrlBlocklist().add("%" + hex);
                firewall.getEncodedUrlBlocklist().add("%" + hex.toLowerCase());
            }
        }
        return firewall;
    }

    @Bean
    WebSecurityCustomizer firewallInFrontOfTheChains(StrictHttpFirewall firewall) {
        return web -> web.httpFirewall(firewall).requestRejectedHandler(PathFirewall::refuse);
    }

    /**
     * The same firewall as the first filter of all, ahead of Spring Security's own path parsing (which
     * fails on some disguised paths) and of every filter of Camunda's.
     */
    @Bean
    FilterRegistrationBean<Filter> normalPathsOnly(StrictHttpFirewall firewall) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            try {
                firewall.getFirewalledRequest((HttpServletRequest) request);
            } catch (RequestRejectedException rejected) {
                refuse((HttpServletRequest) request, (HttpServletResponse) response, rejected);
                return;
            }
            chain.doFilter(request, response);
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("normal-paths-only");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(response, 400, "Bad request", "The request path is not in normal form and was refused");
    }
}
