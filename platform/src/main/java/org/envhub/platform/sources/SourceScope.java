package org.envhub.platform.sources;

import java.util.HashMap;
import java.util.Map;

import org.envhub.platform.auth.EnvhubUser;
import org.envhub.platform.auth.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which devices the current user may see: an enterprise user (企业用户) its own enterprise's devices only, a
 * district user (区县分局) those of enterprises in its district, everyone else all. Devices not yet placed
 * at a monitoring point (pending) and frames from unknown MNs belong to no enterprise: only users who see
 * everything see them.
 */
public final class SourceScope {

    private final boolean all;
    private final Long district;
    private final Long enterpriseUser;

    private SourceScope(boolean all, Long district, Long enterpriseUser) {
        this.all = all;
        this.district = district;
        this.enterpriseUser = enterpriseUser;
    }

    public static SourceScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof EnvhubUser user)) {
            throw new AccessDeniedException("not logged in");
        }
        if (user.role() == Role.ENTERPRISE) {
            return new SourceScope(false, null, user.id());
        }
        if (user.role() == Role.DISTRICT) {
            // A district user without a district sees nothing: district -1 matches no enterprise.
            return new SourceScope(false, user.districtLimit() == null ? -1L : user.districtLimit(), null);
        }
        return new SourceScope(true, null, null);
    }

    public static SourceScope everything() {
        return new SourceScope(true, null, null);
    }

    public boolean unlimited() {
        return all;
    }

    /**
     * A condition on an MN column, e.g. {@code "f.mn"}, limiting rows to the visible devices; "1 = 1" when
     * everything is visible. Its parameters go into {@code params}.
     */
    public String mnCondition(String column, Map<String, Object> params) {
        if (all) {
            return "1 = 1";
        }
        String devices = "select d.mn from device d join monitoring_point p on p.id = d.point_id join outlet o on o.id = p.outlet_id"
                + " join enterprise e on e.id = o.enterprise_id where ";
        if (enterpriseUser != null) {
            params.put("scopeUser", enterpriseUser);
            return column + " in (" + devices + "e.id in (select enterprise_id from enterprise_account where user_id = :scopeUser))";
        }
        params.put("scopeDistrict", district);
        return column + " in (" + devices + "e.district_id = :scopeDistrict)";
    }

    /**
     * A condition on an enterprise id column, e.g. {@code "e.id"}: the enterprises the user sees (an enterprise
     * user its own, a district user those of its district, everyone else all); "1 = 1" when unlimited.
     */
    public String enterpriseCondition(String column, Map<String, Object> params) {
        if (all) {
            return "1 = 1";
        }
        if (enterpriseUser != null) {
            params.put("scopeUser", enterpriseUser);
            return column + " in (select enterprise_id from enterprise_account where user_id = :scopeUser)";
        }
        params.put("scopeDistrict", district);
        return column + " in (select id from enterprise where district_id = :scopeDistrict)";
    }

    /** The district a district user is limited to (-1 when it has none), else null. */
    public Long district() {
        return district;
    }

    /** True for an enterprise user (企业用户). */
    public boolean enterpriseUser() {
        return enterpriseUser != null;
    }

    public Map<String, Object> newParams() {
        return new HashMap<>();
    }
}
