package org.envhub.platform.sources;

import java.security.Principal;

import org.envhub.platform.auth.EnvhubUser;
import org.envhub.platform.auth.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The 污染源 pages (Chinese); their data comes from the sources API, which limits it to what the user may see.
 * {@code canEdit}: whether the page offers changes (the bureau and the districts; the API checks again).
 */
@Controller
public class SourcesPageController {

    @ModelAttribute("canEdit")
    boolean canEdit(Principal principal) {
        return principal instanceof Authentication a && a.getPrincipal() instanceof EnvhubUser u
                && (u.role() == Role.ADMIN || u.role() == Role.BUREAU || u.role() == Role.DISTRICT);
    }

    @ModelAttribute("seesAll")
    boolean seesAll(Principal principal) {
        return principal instanceof Authentication a && a.getPrincipal() instanceof EnvhubUser u
                && (u.role() == Role.ADMIN || u.role() == Role.BUREAU || u.role() == Role.VIEWER);
    }

    /** 企业监控: enterprises with devices online and open alarms. */
    @GetMapping("/sources")
    String enterprises() {
        return "sources/enterprises";
    }

    /** 企业一企一档: one enterprise's record, latest values, compliance and alarms. */
    @GetMapping("/sources/enterprises/{id}")
    String enterprise(@PathVariable long id, Model model) {
        model.addAttribute("enterpriseId", id);
        return "sources/enterprise";
    }

    /** 报警核查. */
    @GetMapping("/sources/alarms")
    String alarms() {
        return "sources/alarms";
    }

    /** 原始报文. */
    @GetMapping("/sources/frames")
    String frames() {
        return "sources/frames";
    }

    /** 联网率 and 有效传输率. */
    @GetMapping("/sources/kpis")
    String kpis() {
        return "sources/kpis";
    }

    /** 台账管理: enterprises, outlets, points, devices, limits and checks. */
    @GetMapping("/sources/registry")
    String registry() {
        return "sources/registry";
    }
}
