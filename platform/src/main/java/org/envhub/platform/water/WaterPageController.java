package org.envhub.platform.water;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The water pages: 水环境, and the sections registry under 数据管理. Their data come from /api/water. */
@Controller
public class WaterPageController {

    @GetMapping("/water")
    String water() {
        return "water/index";
    }

    @GetMapping("/data/water-sections")
    String sections() {
        return "data/water-sections";
    }
}
