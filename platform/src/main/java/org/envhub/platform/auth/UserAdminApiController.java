package org.envhub.platform.auth;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles; admin only. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "admin", description = "Users and roles (admin only)")
public class UserAdminApiController {

    /** A user as listed: no password hash. */
    public record UserView(long id, String username, String displayName, String role, String roleName, Long districtId, boolean enabled) {}

    private final UserRepository users;
    private final UserService service;

    public UserAdminApiController(UserRepository users, UserService service) {
        this.users = users;
        this.service = service;
    }

    @Operation(summary = "All users")
    @GetMapping
    public List<UserView> list() {
        return users.all().stream().map(u -> new UserView(u.id(), u.username(), u.displayName(), u.role(),
                u.roleEnum().chineseName(), u.districtId(), u.enabled())).toList();
    }

    @Operation(summary = "Create a user")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody UserService.UserForm form) {
        return Map.of("id", service.create(form));
    }

    @Operation(summary = "Change a user (role, district, enabled, password)")
    @PutMapping("/{id}")
    public Map<String, Object> update(@PathVariable long id, @RequestBody UserService.UserForm form) {
        service.update(id, form);
        return Map.of("id", id);
    }
}
