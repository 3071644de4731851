package org.envhub.platform.auth;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user's own account: who am I, and personal API tokens. */
@RestController
@RequestMapping("/api/account")
@Tag(name = "account", description = "Your account and personal API tokens")
public class AccountApiController {

    public record Me(String username, String displayName, String role, String roleName, Long districtId) {}

    public record TokenRequest(String name) {}

    private final ApiTokenService tokens;

    public AccountApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Who is logged in")
    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal EnvhubUser user) {
        UserAccount a = user.account();
        return new Me(a.username(), a.displayName(), a.role(), user.role().chineseName(), a.districtId());
    }

    @Operation(summary = "Your API tokens (never their secrets)")
    @GetMapping("/tokens")
    public List<ApiTokenService.TokenInfo> tokens(@AuthenticationPrincipal EnvhubUser user) {
        return tokens.list(user.id());
    }

    @Operation(summary = "Create an API token", description = "The answer holds the token; it is shown only this once.")
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    public ApiTokenService.NewToken create(@AuthenticationPrincipal EnvhubUser user, @RequestBody TokenRequest request) {
        return tokens.create(user, request.name());
    }

    @Operation(summary = "Revoke one of your API tokens")
    @DeleteMapping("/tokens/{id}")
    public Map<String, Object> revoke(@AuthenticationPrincipal EnvhubUser user, @PathVariable long id) {
        if (!tokens.revoke(user, id)) {
            throw new NoSuchElementException("you have no live token " + id);
        }
        return Map.of("revoked", id);
    }
}
