package org.envhub.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages of the web UI; their data comes from the JSON API. */
@Controller
public class PageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String overview() {
        return "index";
    }
}
