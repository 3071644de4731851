package org.envhub.platform.sources.alarms;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.envhub.platform.web.Table;

/** Alarms and network KPIs as downloadable tables, with Chinese titles. */
final class AlarmTable {

    static final Map<String, String> KIND_NAMES = Map.of("HOURLY_EXCEEDANCE", "小时均值超标", "DAILY_EXCEEDANCE", "日均值超标",
            "ABNORMAL_FLAG", "数据标记异常", "STUCK_VALUE", "数据恒值", "MISSING_DATA", "数据缺失", "ZERO_OR_NEGATIVE", "零值/负值",
            "OUT_OF_RANGE", "超量程", "SUDDEN_JUMP", "数据突变");
    static final Map<String, String> STATUS_NAMES = Map.of("open", "待确认", "acknowledged", "已确认", "verified", "已核实", "closed", "已办结");

    private AlarmTable() {}

    static Table of(List<Alarm> alarms) {
        List<List<Object>> rows = new ArrayList<>();
        for (Alarm a : alarms) {
            rows.add(java.util.Arrays.asList(a.id(), a.enterprise(), a.district(), a.point(), a.mn(), a.factor(), a.factorName(),
                    KIND_NAMES.getOrDefault(a.kind(), a.kind()), time(a.firstDataTime()), time(a.lastDataTime()), a.occurrences(), a.reading(),
                    a.limit(), a.detail(), STATUS_NAMES.getOrDefault(a.status(), a.status()), time(a.openedAt()), a.acknowledgedBy(),
                    time(a.acknowledgedAt()), a.verifiedBy(), time(a.verifiedAt()), a.verifiedTrue() == null ? null : a.verifiedTrue() ? "属实" : "不属实",
                    a.closedBy(), time(a.closedAt()), a.note()));
        }
        return new Table("污染源报警", List.of("编号", "企业", "区县", "监测点", "MN", "因子编码", "因子", "报警类型", "首次数据时间", "最近数据时间",
                "次数", "读数", "限值", "说明", "状态", "报警时间", "确认人", "确认时间", "核实人", "核实时间", "核实结论", "办结人", "办结时间", "备注"), rows);
    }

    static Table kpis(List<NetworkKpi> kpis, String what, String from, String to) {
        List<List<Object>> rows = new ArrayList<>();
        for (NetworkKpi k : kpis) {
            rows.add(java.util.Arrays.asList(k.name(), k.points(), k.online(), percent(k.onlineRate()), k.expectedHours(), k.receivedHours(),
                    k.validHours(), percent(k.transmissionRate()), percent(k.validRate()), percent(k.effectiveTransmissionRate())));
        }
        return new Table("联网率_" + what + "_" + from + "_" + to, List.of(what.equals("区县") ? "区县" : "企业", "应联网点位", "实际联网点位",
                "联网率(%)", "应传输小时数", "实际传输小时数", "有效小时数", "传输率(%)", "有效率(%)", "有效传输率(%)"), rows);
    }

    private static Double percent(Double ratio) {
        return ratio == null ? null : Math.round(ratio * 10000.0) / 100.0;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.toLocalDateTime().toString().replace('T', ' ');
    }
}
