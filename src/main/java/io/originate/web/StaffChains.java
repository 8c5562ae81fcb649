package io.originate.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import io.originate.process.EngineUsers;
import io.originate.process.StaffSettings;
import io.originate.process.WebappSessions;
import io.originate.shared.RateLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The staff's surfaces: the staff API, the engine REST API and the actuator with HTTP Basic
 * against the engine's users (staff groups only, decision records for the groups that decide or
 * oversee, deployments for process designers, health open); the webapps with their own login.
 */
@Configuration
class StaffChains {

    /** Staff may deploy models and forms, which are larger than an API request. */
    static final int STAFF_BODY_LIMIT = 4 * 1024 * 1024;

    static final String DESIGNERS = EngineUsers.GROUP + "process-designers";

    /** The webapps, and their one engine: other names would only reach Camunda's error paths. */
    private static final String WEBAPPS = "tasklist|cockpit|admin|welcome";

    private final RateLimits limits;

    StaffChains(RateLimits limits) {
        this.limits = limits;
    }

    /** Creating, redeploying or deleting deployments, by any path to them (with or without a trailing slash). */
    private static RequestMatcher[] deploymentChanges(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            for (HttpMethod method : List.of(POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
                matchers.add(SecurityChains.path(method, pattern));
            }
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    /**
     * Engine calls nobody makes through the API: running a job by hand (the engine counts a
     * refused run as a failure and moves the job's due date to now, so a refusal would still fire
     * any timer), and checking a user's password outside the throttled login.
     */
    private static RequestMatcher[] neverThroughTheApi(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(SecurityChains.path(pattern));
            matchers.add(SecurityChains.path(pattern + "/"));
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    /** The staff API takes requests the size of the applicant API's; only deployments are larger. */
    private static BodySizeLimitFilter staffApiLimit() {
        RequestMatcher staffApi = SecurityChains.path("/api/v1/staff/**");
        return new BodySizeLimitFilter(BodySizeLimitFilter.API_LIMIT) {
            @Override
            protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
                return !staffApi.matches(request);
            }
        };
    }

    private static String[] authorities(java.util.Set<String> groups) {
        return groups.stream().map(group -> EngineUsers.GROUP + group.strip()).toArray(String[]::new);
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffAndEngine(HttpSecurity http, EngineUsers users, StaffSettings staff) throws Exception {
        String[] decisionReaders = authorities(staff.decisionReaders());
        String[] revealers = authorities(staff.revealers());
        String[] overseers = authorities(staff.overseers());
        AuthenticationEntryPoint basic = (request, response, failure) -> {
            if (failure instanceof EngineUsers.Throttled throttled) {
                Problems.tooManyRequests(
                        response, throttled.retryAfter(), "Too many failed logins from this address; try again later");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"originate-staff\", charset=\"UTF-8\"");
            Problems.write(response, 401, "Unauthorized", "Staff credentials are required");
        };
        SecurityChains.stateless(http)
                .securityMatcher(new OrRequestMatcher(
                        SecurityChains.path("/api/v1/staff/**"),
                        SecurityChains.path("/engine-rest"),
                        SecurityChains.path("/engine-rest/**"),
                        SecurityChains.path("/actuator/**")))
                .addFilterBefore(new BodySizeLimitFilter(STAFF_BODY_LIMIT), SecurityContextHolderFilter.class)
                .addFilterBefore(staffApiLimit(), SecurityContextHolderFilter.class)
                .authenticationManager(new ProviderManager(users))
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                SecurityChains.path(GET, "/actuator/health"),
                                SecurityChains.path(HEAD, "/actuator/health"),
                                SecurityChains.path(GET, "/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(neverThroughTheApi(
                                "/engine-rest/job/{id}/execute",
                                "/engine-rest/engine/{engine}/job/{id}/execute",
                                "/engine-rest/identity/verify",
                                "/engine-rest/engine/{engine}/identity/verify"))
                        .denyAll()
                        .requestMatchers(deploymentChanges(
                                "/engine-rest/deployment/**", "/engine-rest/engine/{engine}/deployment/**"))
                        .hasAuthority(DESIGNERS)
                        .requestMatchers(SecurityChains.path(POST, "/api/v1/staff/applications/{id}/reveal"))
                        .hasAnyAuthority(revealers)
                        .requestMatchers(
                                SecurityChains.path(GET, "/api/v1/staff/access-log"),
                                SecurityChains.path("/api/v1/staff/audit/**"))
                        .hasAnyAuthority(overseers)
                        .requestMatchers(SecurityChains.path("/api/v1/staff/applications/**"))
                        .hasAnyAuthority(decisionReaders)
                        .requestMatchers(
                                SecurityChains.path("/api/v1/staff/**"),
                                SecurityChains.path("/engine-rest/**"),
                                SecurityChains.path("/actuator/**"))
                        .hasAuthority(EngineUsers.STAFF)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(basic).accessDeniedHandler(SecurityChains.forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webapps(HttpSecurity http, EngineUsers users) throws Exception {
        RequestMatcher login = SecurityChains.path(POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");
        http.securityMatcher(new OrRequestMatcher(SecurityChains.path("/camunda"), SecurityChains.path("/camunda/**")))
                // the webapps have their own session login and CSRF protection (Camunda's filters)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BodySizeLimitFilter(STAFF_BODY_LIMIT), SecurityContextHolderFilter.class)
                .addFilterAfter(new WebappSessions(users, limits, login, "default"), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(SecurityChains.path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .requestMatchers(neverThroughTheApi(
                                "/camunda/api/engine/engine/{engine}/job/{id}/execute",
                                "/camunda/api/engine/engine/{engine}/identity/verify"))
                        .denyAll()
                        .requestMatchers(deploymentChanges("/camunda/api/engine/engine/{engine}/deployment/**"))
                        .hasAuthority(DESIGNERS)
                        .requestMatchers(
                                login,
                                SecurityChains.path(POST, "/camunda/api/admin/auth/user/{engine}/logout"),
                                SecurityChains.path(GET, "/camunda/api/admin/auth/user/{engine}"),
                                SecurityChains.path(GET, "/camunda/api/engine/engine"),
                                SecurityChains.path(GET, "/camunda/api/engine/engine/"),
                                SecurityChains.path(GET, "/camunda/api/{app}/plugin/{plugin}/static/**"))
                        .permitAll()
                        .requestMatchers(SecurityChains.path("/camunda/api/**"))
                        .authenticated()
                        .requestMatchers(
                                SecurityChains.path(GET, "/camunda"),
                                SecurityChains.path(GET, "/camunda/"),
                                SecurityChains.path(GET, "/camunda/favicon.ico"),
                                SecurityChains.path(GET, "/camunda/app"),
                                SecurityChains.path(GET, "/camunda/app/"),
                                SecurityChains.path(GET, "/camunda/app/{app:" + WEBAPPS + "}"),
                                SecurityChains.path(GET, "/camunda/app/{app:" + WEBAPPS + "}/"),
                                SecurityChains.path(GET, "/camunda/app/{app:" + WEBAPPS + "}/{file:[\\w.-]+\\.\\w+}"),
                                SecurityChains.path(
                                        GET,
                                        "/camunda/app/{app:" + WEBAPPS
                                                + "}/{folder:default|locales|scripts|styles}/**"),
                                SecurityChains.path(GET, "/camunda/assets/**"),
                                SecurityChains.path(GET, "/camunda/lib/**"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) ->
                                Problems.write(response, 401, "Unauthorized", "Sign in to the webapps first"))
                        .accessDeniedHandler(SecurityChains.forbidden()));
        return http.build();
    }
}
