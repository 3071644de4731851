package org.envhub.platform.auth;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user, however they logged in (form, HTTP Basic or API token). */
public class EnvhubUser implements UserDetails {

    private final UserAccount account;

    public EnvhubUser(UserAccount account) {
        this.account = account;
    }

    public UserAccount account() { return account; }

    public long id() { return account.id(); }

    public Role role() { return account.roleEnum(); }

    /** The district this user is limited to, or null if not limited. */
    public Long districtLimit() { return role() == Role.DISTRICT ? account.districtId() : null; }

    /** A district user with no district sees nothing; everyone else is limited by {@link #districtLimit()} alone. */
    public boolean seesNoStations() { return role() == Role.DISTRICT && account.districtId() == null; }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role().authority()));
    }

    @Override
    public String getPassword() { return account.passwordHash(); }

    @Override
    public String getUsername() { return account.username(); }

    @Override
    public boolean isEnabled() { return account.enabled(); }
}
