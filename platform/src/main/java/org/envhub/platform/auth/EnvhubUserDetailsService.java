package org.envhub.platform.auth;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class EnvhubUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    public EnvhubUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(EnvhubUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }
}
