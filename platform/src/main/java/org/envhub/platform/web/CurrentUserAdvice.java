package org.envhub.platform.web;

import java.security.Principal;

import org.envhub.platform.auth.EnvhubUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in user's name and role on every page, for the top bar. */
@ControllerAdvice(annotations = Controller.class)
public class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        if (principal instanceof Authentication auth && auth.getPrincipal() instanceof EnvhubUser user) {
            return user.getUsername() + "（" + user.role().chineseName() + "）";
        }
        return principal == null ? "" : principal.getName();
    }
}
