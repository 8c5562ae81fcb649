package io.originate.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import io.originate.application.AccessTokens;
import io.originate.application.Applicant;
import io.originate.process.EngineUsers;
import io.originate.process.StaffSettings;
import io.originate.process.WebappSessions;
import io.originate.shared.RateLimits;
import io.originate.signing.ConnectSignatures;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, one filter chain per surface, all behind a strict firewall.
 *
 * <p>The firewall rejects, before any filter of Camunda's or ours sees the request, every path that
 * is not in normal form: {@code ;} (path parameters), encoded {@code / \ . %}, encoded letters and
 * digits ({@code %73}), {@code //}, {@code /./}, {@code /../}. Every rule below is then matched on
 * the path as Spring MVC and the servlets will see it; a path no chain lists is denied.
 *
 * <ul>
 *   <li>applicant API: submission open (limited per address), everything under an application
 *       only with that application's bearer token, complaints with the token of their application;
 *   <li>staff API, engine REST API, actuator: HTTP Basic against the engine's users, staff groups
 *       only, decision records for the groups that decide or oversee, deployments only for process
 *       designers; health is open;
 *   <li>webapps (Tasklist, Cockpit, Admin): their own login, required for every API call but the
 *       login itself; the anonymous first-administrator setup is closed;
 *   <li>DocuSign Connect webhook: HMAC signature over the body, limited per address;
 *   <li>local signer: the signing link's token, with a content security policy;
 *   <li>the dev outbox, only where dev endpoints are on (the dev profile).
 * </ul>
 */
@Configuration
@EnableWebSecurity
class SecurityChains {

    /** Staff may deploy models and forms, which are larger than an API request. */
    static final int STAFF_BODY_LIMIT = 4 * 1024 * 1024;

    static final String DESIGNERS = EngineUsers.GROUP + "process-designers";

    /** The webapps, and their one engine: other names would only reach Camunda's error paths. */
    private static final String WEBAPPS = "tasklist|cockpit|admin|welcome";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private final RateLimits limits;

    SecurityChains(RateLimits limits) {
        this.limits = limits;
    }

    static RequestMatcher path(String pattern) {
        return PATHS.matcher(pattern);
    }

    static RequestMatcher path(HttpMethod method, String pattern) {
        return PATHS.matcher(method, pattern);
    }

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
        return web -> web.httpFirewall(firewall).requestRejectedHandler(SecurityChains::refuse);
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

    @Bean
    @Order(1)
    SecurityFilterChain applicantApi(HttpSecurity http, AccessTokens tokens) throws Exception {
        ApplicantTokens applicantTokens = new ApplicantTokens(tokens);
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(applicantTokens), applicantTokens);
        bearer.setRequestMatcher(new NegatedRequestMatcher(path(POST, "/api/v1/applications")));
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler((request, response, e) -> notFound(response));
        stateless(http)
                .securityMatcher(new OrRequestMatcher(
                        path("/api/v1/applications"),
                        path("/api/v1/applications/**"),
                        path("/api/v1/complaints"),
                        path("/api/v1/complaints/**")))
                .addFilterBefore(
                        new BodySizeLimitFilter(BodySizeLimitFilter.API_LIMIT), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new ClientRateLimit(
                                limits,
                                Map.of(
                                        path(POST, "/api/v1/applications"), RateLimits.SUBMISSION_PER_ADDRESS,
                                        path(POST, "/api/v1/applications/{id}/otp"), RateLimits.OTP_PER_ADDRESS,
                                        path(POST, "/api/v1/applications/{id}/otp/verify"),
                                                RateLimits.OTP_PER_ADDRESS)),
                        SecurityContextHolderFilter.class)
                .addFilterAt(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(path(POST, "/api/v1/applications"))
                        .permitAll()
                        .requestMatchers(path("/api/v1/applications/{id}"), path("/api/v1/applications/{id}/**"))
                        .access(ownApplication())
                        .requestMatchers(path(POST, "/api/v1/complaints"), path(GET, "/api/v1/complaints/{id}"))
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(
                                    response,
                                    401,
                                    "Unauthorized",
                                    "An Authorization: Bearer <accessToken> header is required");
                        })
                        .accessDeniedHandler((request, response, denied) -> notFound(response)));
        return http.build();
    }

    /** The token's application is the one in the path; any other answers 404, as if it did not exist. */
    private static AuthorizationManager<RequestAuthorizationContext> ownApplication() {
        return (authentication, context) ->
                new AuthorizationDecision(authentication.get().getPrincipal() instanceof Applicant applicant
                        && applicant
                                .applicationId()
                                .equals(context.getVariables().get("id")));
    }

    /** Creating, redeploying or deleting deployments, by any path to them (with or without a trailing slash). */
    private static RequestMatcher[] deploymentChanges(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            for (HttpMethod method : List.of(POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
                matchers.add(path(method, pattern));
            }
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffAndEngine(HttpSecurity http, EngineUsers users, StaffSettings staff) throws Exception {
        String[] decisionReaders = staff.decisionReaders().stream()
                .map(group -> EngineUsers.GROUP + group.strip())
                .toArray(String[]::new);
        AuthenticationEntryPoint basic = (request, response, failure) -> {
            if (failure instanceof EngineUsers.Throttled throttled) {
                Problems.tooManyRequests(
                        response, throttled.retryAfter(), "Too many failed logins from this address; try again later");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"originate-staff\", charset=\"UTF-8\"");
            Problems.write(response, 401, "Unauthorized", "Staff credentials are required");
        };
        stateless(http)
                .securityMatcher(new OrRequestMatcher(
                        path("/api/v1/staff/**"), path("/engine-rest"), path("/engine-rest/**"), path("/actuator/**")))
                .addFilterBefore(new BodySizeLimitFilter(STAFF_BODY_LIMIT), SecurityContextHolderFilter.class)
                .authenticationManager(new ProviderManager(users))
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                path(GET, "/actuator/health"),
                                path(HEAD, "/actuator/health"),
                                path(GET, "/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(deploymentChanges(
                                "/engine-rest/deployment/**", "/engine-rest/engine/{engine}/deployment/**"))
                        .hasAuthority(DESIGNERS)
                        .requestMatchers(path("/api/v1/staff/applications/**"))
                        .hasAnyAuthority(decisionReaders)
                        .requestMatchers(path("/api/v1/staff/**"), path("/engine-rest/**"), path("/actuator/**"))
                        .hasAuthority(EngineUsers.STAFF)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(basic).accessDeniedHandler(forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webapps(HttpSecurity http, EngineUsers users) throws Exception {
        RequestMatcher login = path(POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");
        http.securityMatcher(new OrRequestMatcher(path("/camunda"), path("/camunda/**")))
                // the webapps have their own session login and CSRF protection (Camunda's filters)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BodySizeLimitFilter(STAFF_BODY_LIMIT), SecurityContextHolderFilter.class)
                .addFilterAfter(new WebappSessions(users, limits, login, "default"), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .requestMatchers(deploymentChanges("/camunda/api/engine/engine/{engine}/deployment/**"))
                        .hasAuthority(DESIGNERS)
                        .requestMatchers(
                                login,
                                path(POST, "/camunda/api/admin/auth/user/{engine}/logout"),
                                path(GET, "/camunda/api/admin/auth/user/{engine}"),
                                path(GET, "/camunda/api/engine/engine"),
                                path(GET, "/camunda/api/engine/engine/"),
                                path(GET, "/camunda/api/{app}/plugin/{plugin}/static/**"))
                        .permitAll()
                        .requestMatchers(path("/camunda/api/**"))
                        .authenticated()
                        .requestMatchers(
                                path(GET, "/camunda"),
                                path(GET, "/camunda/"),
                                path(GET, "/camunda/favicon.ico"),
                                path(GET, "/camunda/app"),
                                path(GET, "/camunda/app/"),
                                path(GET, "/camunda/app/{app:" + WEBAPPS + "}"),
                                path(GET, "/camunda/app/{app:" + WEBAPPS + "}/"),
                                path(GET, "/camunda/app/{app:" + WEBAPPS + "}/{file:[\\w.-]+\\.\\w+}"),
                                path(
                                        GET,
                                        "/camunda/app/{app:" + WEBAPPS
                                                + "}/{folder:default|locales|scripts|styles}/**"),
                                path(GET, "/camunda/assets/**"),
                                path(GET, "/camunda/lib/**"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) ->
                                Problems.write(response, 401, "Unauthorized", "Sign in to the webapps first"))
                        .accessDeniedHandler(forbidden()));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain connectWebhook(HttpSecurity http, ConnectSignatures signatures) throws Exception {
        stateless(http)
                .securityMatcher(path("/api/v1/webhooks/**"))
                .addFilterBefore(
                        new BodySizeLimitFilter(BodySizeLimitFilter.API_LIMIT), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new ClientRateLimit(limits, Map.of(AnyRequestMatcher.INSTANCE, RateLimits.WEBHOOK_PER_ADDRESS)),
                        SecurityContextHolderFilter.class)
                .addFilterAt(new ConnectSignatureFilter(signatures), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(path(POST, "/api/v1/webhooks/docusign"))
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) -> Problems.write(
                                response, 401, "Unauthorized", "Missing or invalid X-DocuSign-Signature"))
                        .accessDeniedHandler(forbidden()));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain localSigner(HttpSecurity http) throws Exception {
        stateless(http)
                .securityMatcher(path("/esign/**"))
                .addFilterBefore(
                        new BodySizeLimitFilter(BodySizeLimitFilter.API_LIMIT), SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // the signing link's token (checked by the signer) is the credential of these pages
                .authorizeHttpRequests(a -> a.requestMatchers(
                                path(GET, "/esign/local/{envelope}"),
                                path(GET, "/esign/local/{envelope}/document"),
                                path(POST, "/esign/local/{envelope}/sign"),
                                path(POST, "/esign/local/{envelope}/decline"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) -> notFound(response))
                        .accessDeniedHandler((request, response, denied) -> notFound(response)));
        return http.build();
    }

    /** The sandbox's outbox: only where dev endpoints are on, and the dev profile listens on 127.0.0.1. */
    @Bean
    @Order(6)
    @ConditionalOnProperty(name = "originate.dev-endpoints", havingValue = "true")
    SecurityFilterChain devOutbox(HttpSecurity http) throws Exception {
        stateless(http).securityMatcher(path(GET, "/api/v1/dev/outbox")).authorizeHttpRequests(a -> a.anyRequest()
                .permitAll());
        return http.build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        stateless(http)
                .securityMatcher(AnyRequestMatcher.INSTANCE)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll() // the error page of a request another chain has already judged
                        .requestMatchers(
                                path(GET, "/"), path(GET, "/camunda-welcome"), path(GET, "/camunda-welcome/**"))
                        .permitAll() // the webapps' start page and its static assets
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, missing) ->
                                Problems.write(response, 401, "Unauthorized", "This path is not open"))
                        .accessDeniedHandler(forbidden()));
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, denied) ->
                Problems.write(response, 403, "Forbidden", "Your groups do not allow this request");
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        Problems.write(response, 404, "Not found", "No such resource");
    }
}
