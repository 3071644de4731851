package org.envhub.platform.web;

import org.envhub.platform.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages of the web UI (Chinese); their data comes from the JSON API. */
@Controller
public class PageController {

    private final AuditLog audit;

    public PageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** 总览: the command centre. */
    @GetMapping("/")
    String overview() {
        return "index";
    }

    @GetMapping("/air/stations")
    String stations() {
        return "air/stations";
    }

    @GetMapping("/air/stations/{code}")
    String station(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        return "air/station";
    }

    @GetMapping("/air/calendar")
    String calendar() {
        return "air/calendar";
    }

    @GetMapping("/air/ranking")
    String ranking() {
        return "air/ranking";
    }

    @GetMapping("/air/report")
    String report() {
        return "air/report";
    }

    @GetMapping("/data/imports")
    String imports(Model model) {
        model.addAttribute("uploadEnabled", true);
        return "data/imports";
    }

    @GetMapping("/data/stations")
    String registry() {
        return "data/stations";
    }

    @GetMapping("/data/areas")
    String areas() {
        return "data/areas";
    }

    @GetMapping("/system/tokens")
    String tokens() {
        return "system/tokens";
    }

    @GetMapping("/system/users")
    String users() {
        return "system/users";
    }

    @GetMapping("/system/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest(500));
        return "system/audit";
    }
}
