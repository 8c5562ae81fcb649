package io.originate.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.originate.application.AccessTokens;
import io.originate.application.Applicant;
import io.originate.shared.RateLimits;
import io.originate.signing.ConnectSignatures;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, one filter chain per surface, all behind the {@link PathFirewall}; the staff's
 * surfaces are {@link StaffChains}. Every rule is matched on the path as Spring MVC and the
 * servlets will see it; a path no chain lists is denied.
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
                        .requestMatchers(
                                path(POST, "/api/v1/complaints"),
                                path(GET, "/api/v1/complaints/{id}"),
                                path(POST, "/api/v1/complaints/{id}/reopen"))
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

    static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, denied) ->
                Problems.write(response, 403, "Forbidden", "Your groups do not allow this request");
    }

    static void notFound(HttpServletResponse response) throws IOException {
        Problems.write(response, 404, "Not found", "No such resource");
    }
}
