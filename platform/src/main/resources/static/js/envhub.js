/* envhub: small helpers shared by the pages. No framework: the pages call the JSON API and draw with ECharts. */
(function () {
  const LEVELS = [
    {max: 50, name: '优', colour: '#00E400'}, {max: 100, name: '良', colour: '#FFFF00'},
    {max: 150, name: '轻度污染', colour: '#FF7E00'}, {max: 200, name: '中度污染', colour: '#FF0000'},
    {max: 300, name: '重度污染', colour: '#99004C'}, {max: 500, name: '严重污染', colour: '#7E0023'}];

  function csrfHeaders() {
    const token = document.querySelector('meta[name=_csrf]');
    const header = document.querySelector('meta[name=_csrf_header]');
    return token && token.content ? {[header.content]: token.content} : {};
  }

  async function json(url) {
    const r = await fetch(url, {headers: {Accept: 'application/json'}});
    if (r.status === 401) { location.href = '/login'; throw new Error('login required'); }
    if (!r.ok) throw new Error(url + ': ' + r.status + ' ' + (await r.text()));
    return r.json();
  }

  async function send(method, url, body) {
    const opts = {method, headers: Object.assign({Accept: 'application/json'}, csrfHeaders())};
    if (body instanceof FormData) opts.body = body;
    else if (body !== undefined) { opts.body = JSON.stringify(body); opts.headers['Content-Type'] = 'application/json'; }
    const r = await fetch(url, opts);
    const text = await r.text();
    const data = text ? (() => { try { return JSON.parse(text); } catch (e) { return {detail: text}; } })() : {};
    if (!r.ok) throw new Error(data.detail || (r.status + ''));
    return data;
  }

  /**
   * Uploads the file chosen in the file input to a registry import URL and shows the import's summary and every
   * problem (where, what) in the box; true when the server took the file.
   */
  async function importFile(input, url, box, hint) {
    const file = input.files[0];
    box.hidden = false;
    if (!file) { box.textContent = hint; return false; }
    const data = new FormData();
    data.append('file', file);
    try {
      const r = await send('POST', url, data);
      box.innerHTML = esc(r.message) + (r.problems.length ? '<ul class="problems">' + r.problems.map(p =>
        `<li><b>${esc(p.location)}</b>：${esc(p.message)}</li>`).join('') + '</ul>' : '');
      return true;
    } catch (err) { box.textContent = '导入失败：' + err.message; return false; }
  }

  function esc(s) {
    return s == null ? '' : String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  function levelOf(aqi) { return aqi == null ? null : LEVELS.find(l => aqi <= l.max) || LEVELS[5]; }

  function badge(aqi, colour) {
    if (aqi == null) return '<span class="badge none">—</span>';
    const c = colour || levelOf(aqi).colour;
    const dark = aqi > 150;
    return `<span class="badge" style="background:${c};color:${dark ? '#fff' : '#111'}">${aqi}</span>`;
  }

  function legend(el) {
    el.innerHTML = LEVELS.map((l, i) => `<span><i style="background:${l.colour}"></i>${i === 0 ? '0–50' : (LEVELS[i - 1].max + 1) + (i === 5 ? '+' : '–' + l.max)} ${l.name}</span>`).join('');
  }

  /** "2023-01-23T12:00:00+08:00" → "2023-01-23 12:00" (Beijing time, hour end). */
  function time(t) { return t ? t.substring(0, 16).replace('T', ' ') : ''; }

  function fmt(v, d) { return v == null ? '—' : (d ? v.toFixed(d) : Math.round(v)); }

  function concRows(x) {
    const cells = [['PM2.5', x.pm25, 0, 'µg/m³'], ['PM10', x.pm10, 0, 'µg/m³'], ['O3', x.o3, 0, 'µg/m³'],
                   ['NO2', x.no2, 0, 'µg/m³'], ['SO2', x.so2, 0, 'µg/m³'], ['CO', x.co, 1, 'mg/m³']];
    let html = '';
    for (let i = 0; i < cells.length; i += 3) {
      html += '<tr>' + cells.slice(i, i + 3).map(c => `<td>${c[0]}</td><td class="num">${fmt(c[1], c[2])}</td>`).join('') + '</tr>';
    }
    return html;
  }

  /** An hourly AQI chart over the six level bands. */
  function aqiTrend(rows, extra) {
    const max = Math.max(100, ...rows.map(r => r.aqi || 0));
    const bands = LEVELS.map((l, i) => [{yAxis: i === 0 ? 0 : LEVELS[i - 1].max, itemStyle: {color: l.colour, opacity: 0.13}}, {yAxis: l.max}])
      .filter(b => b[0].yAxis < max * 1.1);
    return Object.assign({
      backgroundColor: 'transparent',
      grid: {left: 40, right: 16, top: 24, bottom: 28},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: rows.map(r => time(r.time).substring(5)), axisLabel: {color: '#8fa9c6'}},
      yAxis: {type: 'value', name: 'AQI', max: v => Math.ceil(v.max * 1.1 / 10) * 10, axisLabel: {color: '#8fa9c6'},
              splitLine: {lineStyle: {color: '#1d3a5c'}}},
      series: [{name: 'AQI', type: 'line', smooth: true, symbolSize: 5, data: rows.map(r => ({value: r.aqi, itemStyle: {color: levelOf(r.aqi)?.colour}})),
                lineStyle: {color: '#9fd1ff'}, markArea: {silent: true, data: bands}}]
    }, extra || {});
  }

  async function chinaMap() {
    if (echarts.getMap('china')) return;
    echarts.registerMap('china', await json('/geo/china.json'));
  }

  /** Month and year figures of the city: filled in once the statistics are available. */
  async function periodFigures(city) {
    try {
      const f = await json('/api/air/cities/' + encodeURIComponent(city) + '/summary');
      const set = (id, v) => document.getElementById(id).textContent = v == null ? '--' : v;
      set('gr-month', f.month.goodDayRatio == null ? null : f.month.goodDayRatio.toFixed(1) + '%');
      set('gr-year', f.year.goodDayRatio == null ? null : f.year.goodDayRatio.toFixed(1) + '%');
      set('ci-month', f.month.compositeIndex == null ? null : f.month.compositeIndex.toFixed(2));
      set('ci-year', f.year.compositeIndex == null ? null : f.year.compositeIndex.toFixed(2));
      set('rank-month', f.month.rank == null ? null : f.month.rank + ' / ' + f.month.cities);
      set('rank-year', f.year.rank == null ? null : f.year.rank + ' / ' + f.year.cities);
      document.getElementById('period-note').textContent = f.note || '';
    } catch (e) {
      document.getElementById('period-note').textContent = '月度、年度统计暂不可用。';
    }
  }

  function clock() {
    const el = document.getElementById('clock');
    if (!el) return;
    const tick = () => el.textContent = new Date().toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false});
    tick();
    setInterval(tick, 1000);
  }
  document.addEventListener('DOMContentLoaded', clock);

  window.envhub = {LEVELS, json, send, importFile, esc, levelOf, badge, legend, time, fmt, concRows, aqiTrend, chinaMap, periodFigures};
})();
