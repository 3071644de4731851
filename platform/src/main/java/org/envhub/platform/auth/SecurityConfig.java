package org.envhub.platform.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Browsers log in with a form (CSRF-protected), scripts with HTTP Basic or a personal API
 * token. Everything but health, the login page and static files needs a logged-in user; the API answers
 * 401/403 in JSON, pages redirect to the login form. Viewers (只读) and enterprises can only read; users
 * and roles are the admin's.
 */
@Configuration
public class SecurityConfig {

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/login", "/error",
            "/css/**", "/js/**", "/geo/**", "/img/**", "/_static/**", "/favicon.ico", "/favicon.svg"};

    /** Only in the web server: {@code envhub import} runs the same application without one. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain filterChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) ->
                JsonErrors.write(response, 401, "login required: HTTP Basic or Authorization: Bearer <API token>", request.getRequestURI());
        AccessDeniedHandler apiDenied = (request, response, e) ->
                JsonErrors.write(response, 403, "your role may not do this", request.getRequestURI());
        // Scripts that send credentials in a header are not exposed to cross-site request forgery; browser
        // sessions (cookies) are, so only they need the CSRF token.
        RequestMatcher headerCredentials = request -> request.getHeader("Authorization") != null;

        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/system/users/**", "/api/admin/**").hasRole("ADMIN")
                        // Imports load network-wide data: the bureau's job, not a district's.
                        .requestMatchers(HttpMethod.POST, "/api/imports/**").hasRole("BUREAU")
                        // The administrative areas frame every district's scope: not a district's to change.
                        .requestMatchers(HttpMethod.POST, "/api/registry/areas/**").hasRole("BUREAU")
                        .requestMatchers(HttpMethod.PUT, "/api/registry/areas/**").hasRole("BUREAU")
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                        // Own account: tokens and password; a viewer may manage its own tokens.
                        .requestMatchers("/account/**", "/api/account/**", "/logout").authenticated()
                        // Every other change: the bureau and the districts (limited to their own data).
                        .anyRequest().hasAnyRole("BUREAU", "DISTRICT"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(apiEntryPoint))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers(headerCredentials))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(apiDenied, api))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** The admin can do everything the bureau can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_BUREAU");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
