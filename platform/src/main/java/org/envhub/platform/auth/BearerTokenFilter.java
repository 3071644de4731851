package org.envhub.platform.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Logs a script in by its personal API token ({@code Authorization: Bearer envhub_…}); a bad token gets 401. */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;

    public BearerTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<UserAccount> account = tokens.authenticate(header.substring(7).trim());
            if (account.isEmpty()) {
                JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid or revoked API token", request.getRequestURI());
                return;
            }
            EnvhubUser user = new EnvhubUser(account.get());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
