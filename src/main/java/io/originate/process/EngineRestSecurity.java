package io.originate.process;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API acts as the user Spring Security authenticated (HTTP Basic against the
 * engine's users, in web.SecurityChains): Camunda's filter takes that user and their groups as the
 * engine's authentication, so the engine's authorizations apply to every call.
 */
@Configuration
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10); // after Spring Security's chain
        return registration;
    }
}
