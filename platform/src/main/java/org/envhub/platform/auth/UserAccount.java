package org.envhub.platform.auth;

import java.time.LocalDateTime;

/** A user of envhub. A district user (区县分局) is limited to {@code districtId}. */
public record UserAccount(long id, String username, String displayName, String passwordHash, String role,
                          Long districtId, boolean enabled, LocalDateTime createdAt) {

    public Role roleEnum() { return Role.of(role); }
}
