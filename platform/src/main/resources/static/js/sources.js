/* envhub 污染源 pages: names and small renderers shared by them (loaded after envhub.js). */
(function () {
  const KINDS = {HOURLY_EXCEEDANCE: '小时均值超标', DAILY_EXCEEDANCE: '日均值超标', ABNORMAL_FLAG: '数据标记异常', STUCK_VALUE: '数据恒值',
    MISSING_DATA: '数据缺失', ZERO_OR_NEGATIVE: '零值/负值', OUT_OF_RANGE: '超量程', SUDDEN_JUMP: '数据突变'};
  const ALARM_STATUS = {open: '待确认', acknowledged: '已确认', verified: '已核实', closed: '已办结'};
  const ONLINE = {online: '在线', partial: '部分在线', offline: '离线', none: '无设备'};
  const OUTCOMES = {accepted: '已接收', duplicate: '重复', rejected: '拒收', incomplete: '分包不全', error: '存储失败'};
  const FLAGS = {N: '正常', F: '停运', M: '维护', S: '手工输入', D: '故障', C: '校准', T: '超测量上限', B: '通讯异常', P: '电源故障'};
  const DAY = {compliant: ['达标', '#00c853'], exceedance: ['超标', '#ff5a5a'], missing: ['缺失', '#ffb300'], nodata: ['无数据', '#2a3b50']};
  const CN = {'2011': '实时', '2051': '分钟', '2061': '小时', '2031': '日', '2041': '运行时间', '2021': '设施状态', '2072': '报警'};
  const KIND_OUTLET = {gas: '废气', water: '废水', other: '其他'};

  function pill(text, cls) { return `<span class="pill ${cls || ''}">${envhub.esc(text)}</span>`; }
  function onlinePill(s) { return pill(ONLINE[s] || s, 'st-' + s); }
  function alarmStatusPill(s) { return pill(ALARM_STATUS[s] || s, 'al-' + s); }
  function outcomePill(o) { return pill(OUTCOMES[o] || o, 'oc-' + o); }
  function flagText(f) { return f == null ? '—' : (f === 'N' ? 'N' : `<span class="flag-bad" title="${FLAGS[f] || ''}">${envhub.esc(f)} ${FLAGS[f] || ''}</span>`); }
  function num(v) {
    if (v == null) return '—';
    const a = Math.abs(v);
    return a >= 1000 ? v.toFixed(0) : a >= 100 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
  }
  function t(x) { return x ? envhub.time(x) : '—'; }
  function sec(x) { return x ? x.substring(0, 19).replace('T', ' ') : '—'; }
  function qs(params) {
    const p = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => { if (v !== '' && v != null) p.set(k, v); });
    return p.toString();
  }

  window.sources = {KINDS, ALARM_STATUS, ONLINE, OUTCOMES, FLAGS, DAY, CN, KIND_OUTLET, pill, onlinePill, alarmStatusPill, outcomePill,
    flagText, num, t, sec, qs};
})();
