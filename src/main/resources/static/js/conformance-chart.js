// The conformance page's charts (ECharts): each chapter's score now (radar) and the
// recorded daily scores per chapter (trend).
(function () {
  'use strict';
  function load(src) {
    return fetch(src, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.json(); });
  }
  function radar(el, data) {
    var chart = echarts.init(el);
    var en = el.dataset.lang === 'en';
    chart.setOption({
      tooltip: {},
      radar: {
        radius: '65%',
        indicator: data.now.map(function (c) { return { name: c.chapter + ' ' + (en ? c.titleEn : c.title), max: 100 }; })
      },
      series: [{ type: 'radar', areaStyle: { opacity: 0.25 }, lineStyle: { color: '#0d6efd' }, itemStyle: { color: '#0d6efd' },
        data: [{ name: el.dataset.label, value: data.now.map(function (c) { return c.score; }) }] }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.loaded = String(data.now.length);
  }
  function trend(el, data) {
    var days = Object.keys(data.trend);
    if (days.length === 0) {
      el.classList.add('yw-empty');
      el.textContent = el.dataset.empty;
      el.dataset.loaded = '0';
      return;
    }
    var chart = echarts.init(el);
    var chapters = data.now.map(function (c) { return c.chapter; });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: chapters.map(function (ch) {
        return { name: ch, type: 'line', showSymbol: days.length < 20,
          data: days.map(function (d) { var v = data.trend[d][ch]; return v === undefined ? null : v; }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.loaded = String(days.length);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var r = document.querySelector('.yw-conformance-radar');
    var t = document.querySelector('.yw-conformance-trend');
    if (!r && !t) { return; }
    load((r || t).dataset.src).then(function (data) {
      // the page judged the chapters already: their scores now come with it
      if (!data.now && r && r.dataset.now) { data.now = JSON.parse(r.dataset.now); }
      if (r) { radar(r, data); }
      if (t) { trend(t, data); }
    });
  });
})();
