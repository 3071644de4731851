package org.envhub.platform.auth;

import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which stations the current user may see: a district user (区县分局) only those of its own district, everyone
 * else all of them.
 */
public final class DataScope {

    private final Long district;
    private final boolean nothing;

    private DataScope(Long district, boolean nothing) {
        this.district = district;
        this.nothing = nothing;
    }

    public static DataScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EnvhubUser user) {
            return new DataScope(user.districtLimit(), user.seesNoStations());
        }
        throw new AccessDeniedException("not logged in");
    }

    public static DataScope everything() {
        return new DataScope(null, false);
    }

    /** True if the user sees every station. */
    public boolean unlimited() { return district == null && !nothing; }

    /** The district the user is limited to, or null. */
    public Long district() { return district; }

    public boolean allows(Long stationDistrict) {
        return !nothing && (district == null || Objects.equals(district, stationDistrict));
    }
}
