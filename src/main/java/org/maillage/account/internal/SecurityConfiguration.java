package org.maillage.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import org.maillage.platform.SecurityBaseline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, at the door: pages of staff under {@code /espace}, administration under
 * {@code /admin}, the porteur's space under {@code /mon-espace}, the public site for everyone. The
 * finer question — this pôle, this file — is answered by {@link AuthorizationService} in each
 * controller. A visitor who is not signed in is sent to the login page, or gets a 401 problem on the
 * API, or, for an htmx request (expired session), an {@code HX-Redirect} that reloads the whole page
 * on the login page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String LOGIN = "/connexion";
    static final String[] STAFF = java.util.Arrays.stream(org.maillage.account.Role.values())
            .filter(org.maillage.account.Role::isStaff).map(Enum::name).toArray(String[]::new);

    /** The only password check of the application (lock-out and rate limit included). */
    @Bean
    AuthenticationProvider throttledPasswordLogin(StaffUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle);
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> openIdProviders, OidcAccountUserService oidcUsers) throws Exception {
        SecurityBaseline.apply(http);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !isApi(request) && !isHtmx(request));
        // public computations without effect nor session (the orientation engine): no CSRF token to ask for
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/v1/orientation"));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers("/mon-espace/connexion", "/mon-espace/lien").permitAll()
                        .requestMatchers("/mon-espace", "/mon-espace/**").hasRole("PORTEUR")
                        .requestMatchers("/espace", "/espace/**").hasAnyRole(STAFF)
                        .requestMatchers("/admin/**", "/api/v1/admin/**").hasAnyRole("ADMINISTRATEUR", "COORDINATEUR")
                        .requestMatchers("/api/v1/me", "/api/v1/porteurs/**", "/api/v1/journeys/**", "/api/v1/referrals/**").authenticated()
                        .anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requestCache))
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .usernameParameter("email")
                        .passwordParameter("motDePasse")
                        .defaultSuccessUrl("/espace")
                        .failureUrl(LOGIN + "?erreur")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/?deconnexion")
                        .deleteCookies("MAILLAGE_SESSION"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()));
        if (openIdProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc
                    .loginPage(LOGIN)
                    .defaultSuccessUrl("/espace")
                    .failureUrl(LOGIN + "?erreur-oidc")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
        }
        return http.build();
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static AuthenticationEntryPoint entryPoint() {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(new RequestHeaderRequestMatcher("HX-Request", "true"), (request, response, e) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        });
        entryPoints.put(SecurityConfiguration::isApi, (request, response, e) ->
                response.sendError(HttpStatus.UNAUTHORIZED.value()));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN));
        return entryPoint;
    }
}
