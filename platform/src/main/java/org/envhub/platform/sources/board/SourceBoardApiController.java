package org.envhub.platform.sources.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.envhub.platform.sources.SourceScope;
import org.envhub.platform.sources.SourceTime;
import org.envhub.platform.web.Table;
import org.envhub.platform.web.TableExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the 污染源 pages and the command centre show: enterprises online, an enterprise's latest values and compliance, a summary. */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "sources board", description = "Enterprises online, compliance strip, latest values against limits, summary")
public class SourceBoardApiController {

    private static final Map<String, String> STATUS_NAMES = Map.of("online", "在线", "partial", "部分在线", "offline", "离线", "none", "无设备");

    private final SourceBoard board;

    public SourceBoardApiController(SourceBoard board) {
        this.board = board;
    }

    @Operation(summary = "Enterprises you may see, with devices online now and open alarms",
            description = "Filters: districtId, industry, status (online, partial, offline, none, or alarm: with open alarms). A device is online "
                    + "when its data arrived within the missing-data time (10 min by default). format=csv or xlsx downloads the table.")
    @GetMapping("/enterprises")
    public Object enterprises(@RequestParam(required = false) Long districtId, @RequestParam(required = false) String industry,
                              @RequestParam(required = false) String status, @RequestParam(required = false) String format) {
        List<EnterpriseStatus> list = board.enterprises(SourceScope.current(), districtId, industry, status);
        if (format == null || format.isBlank()) {
            return list;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseStatus e : list) {
            rows.add(Arrays.asList(e.name(), e.creditCode(), e.district(), e.industry(), e.devices(), e.online(), e.offline(),
                    STATUS_NAMES.getOrDefault(e.status(), e.status()), e.openAlarms(),
                    e.lastDataAt() == null ? null : e.lastDataAt().toLocalDateTime().toString().replace('T', ' ')));
        }
        return TableExport.download(new Table("污染源企业", List.of("企业名称", "统一社会信用代码", "区县", "行业", "设备数", "在线", "离线", "状态",
                "待处理报警", "最近数据接收时间"), rows), format);
    }

    @Operation(summary = "The latest values of an enterprise's devices, against the limits in force today",
            description = "Per device: point, outlet and each factor's latest value (Rtd of real-time data, else Avg) with unit, flag, data kind "
                    + "and time, the limit (null when none) and whether the value judged (Zs where the limit says converted) is over it.")
    @GetMapping("/enterprises/{id}/latest")
    public List<LatestReading> latest(@PathVariable long id) {
        return board.latest(SourceScope.current(), id);
    }

    @Operation(summary = "An enterprise's daily compliance strip (达标情况)",
            description = "days (default 90) up to 'to' (a Beijing date, default today): per day exceedance, missing, compliant or nodata, with "
                    + "the hourly values received and due and the averages over their limit. lastDataDay: the newest DataTime of its data.")
    @GetMapping("/enterprises/{id}/days")
    public Map<String, Object> days(@PathVariable long id, @RequestParam(required = false) LocalDate to,
                                    @RequestParam(defaultValue = "90") int days) {
        LocalDate last = to != null ? to : LocalDate.now(SourceTime.BEIJING);
        List<DayStatus> strip = board.days(SourceScope.current(), id, last, days);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", strip.getFirst().day());
        out.put("to", last);
        out.put("lastDataDay", board.lastDataDay(id));
        out.put("days", strip);
        return out;
    }

    @Operation(summary = "Pollution sources at a glance (for the command centre)",
            description = "enterprises, devices online and offline now, pending devices, open alarms by kind, 联网率 of today, last data time.")
    @GetMapping("/summary")
    public SourcesSummary summary() {
        return board.summary(SourceScope.current());
    }
}
