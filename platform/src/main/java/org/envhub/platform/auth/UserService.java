package org.envhub.platform.auth;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.registry.Area;
import org.envhub.platform.registry.AreaRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users (the admin's job), audited. */
@Service
public class UserService {

    /** A new or changed user; {@code password} may be empty on a change (keeps the old one). */
    public record UserForm(String username, String displayName, String password, String role, Long districtId, Boolean enabled) {}

    private final UserRepository users;
    private final AreaRepository areas;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public UserService(UserRepository users, AreaRepository areas, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.areas = areas;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional
    public long create(UserForm form) {
        if (form.username() == null || !form.username().matches("[A-Za-z0-9_.@-]{2,64}")) {
            throw new IllegalArgumentException("username: 2 to 64 letters, digits or _ . @ -, got '" + form.username() + "'");
        }
        if (users.findByUsername(form.username()).isPresent()) {
            throw new IllegalArgumentException("username '" + form.username() + "' is taken");
        }
        checkPassword(form.password());
        Role role = role(form.role());
        Long district = district(role, form.districtId());
        long id = users.create(form.username(), form.displayName(), encoder.encode(form.password()), role, district);
        audit.record("user.create", "user " + form.username(), "role " + role.id() + (district == null ? "" : ", district " + district));
        return id;
    }

    @Transactional
    public void update(long id, UserForm form) {
        UserAccount old = users.find(id).orElseThrow(() -> new java.util.NoSuchElementException("no user " + id));
        Role role = role(form.role());
        Long district = district(role, form.districtId());
        boolean enabled = form.enabled() == null || form.enabled();
        users.update(id, form.displayName(), role, district, enabled);
        if (form.password() != null && !form.password().isEmpty()) {
            checkPassword(form.password());
            users.setPassword(id, encoder.encode(form.password()));
        }
        audit.record("user.update", "user " + old.username(), "role " + role.id() + ", enabled " + enabled
                + (form.password() == null || form.password().isEmpty() ? "" : ", password changed"));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password: at least 8 characters");
        }
    }

    private static Role role(String id) {
        try {
            return Role.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role: expected admin, bureau, district, enterprise or viewer, got '" + id + "'");
        }
    }

    private Long district(Role role, Long districtId) {
        if (role != Role.DISTRICT) {
            return districtId;
        }
        if (districtId == null) {
            throw new IllegalArgumentException("a district user needs a district");
        }
        Area area = areas.find(districtId).orElseThrow(() -> new IllegalArgumentException("no area " + districtId));
        if (!Area.DISTRICT.equals(area.level())) {
            throw new IllegalArgumentException("area " + districtId + " (" + area.name() + ") is a " + area.level() + ", not a district");
        }
        return districtId;
    }
}
