// The decision-support dashboard (ECharts): each widget draws the stored values it is given,
// and a click on a chart opens the records behind it.
(function () {
  'use strict';
  var SOURCES = ['INDICATOR', 'AUDIT', 'REVIEW', 'SELF_CHECK', 'COMPLAINT', 'OTHER'];
  function go(path) { window.location.href = path; }
  function empty(el, labels) { el.classList.add('yw-empty'); el.textContent = labels.empty; el.dataset.loaded = '0'; }
  function draw(el) {
    var labels = JSON.parse(el.dataset.labels);
    var en = el.dataset.lang === 'en';
    fetch(el.dataset.src, { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        var chart;
        if (d.kind === 'STATUS') {
          chart = echarts.init(el);
          chart.setOption({ tooltip: {}, legend: { bottom: 0 },
            series: [{ type: 'pie', radius: ['45%', '70%'], label: { formatter: '{b} {c}' },
              data: [{ name: labels.met, value: d.met, itemStyle: { color: '#198754' } },
                { name: labels.missed, value: d.missed, itemStyle: { color: '#dc3545' } },
                { name: labels.noData, value: d.noData, itemStyle: { color: '#adb5bd' } },
                { name: labels.none, value: d.none, itemStyle: { color: '#e9ecef' } }] }] });
          chart.on('click', function (p) { go('/governance/indicators?period=' + d.period + (p.dataIndex === 1 ? '&status=MISSED' : '')); });
          el.dataset.loaded = String(d.met + d.missed);
        } else if (d.kind === 'MISSED') {
          el.classList.add('yw-scroll-box');
          if (d.below.length === 0) { empty(el, labels); return; }
          var list = document.createElement('ul');
          list.className = 'list-unstyled small mb-0';
          d.below.forEach(function (b) {
            var li = document.createElement('li');
            var a = document.createElement('a');
            a.href = '/governance/indicators/' + b.code + '?period=' + d.period;
            a.textContent = b.code + ' ' + (en ? b.nameEn : b.nameZh);
            li.appendChild(a);
            li.appendChild(document.createTextNode(' · ' + b.value + ' / ' + b.target + ' ' + b.unit));
            list.appendChild(li);
          });
          el.appendChild(list);
          el.dataset.loaded = String(d.below.length);
          return;
        } else if (d.kind === 'TREND') {
          chart = echarts.init(el);
          chart.setOption({ tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 30, bottom: 30 },
            title: { text: en ? d.nameEn : d.nameZh, textStyle: { fontSize: 12, fontWeight: 'normal' } },
            xAxis: { type: 'category', data: d.periods }, yAxis: { type: 'value', max: d.unit === '%' ? 100 : null },
            series: [{ name: labels.value, type: 'bar', data: d.values, barMaxWidth: 22,
              itemStyle: { color: function (p) { var t = d.targets[p.dataIndex];
                return (d.direction === 'HIGHER' ? p.value >= t : p.value <= t) ? '#198754' : '#dc3545'; } } },
              { name: labels.target, type: 'line', step: 'middle', showSymbol: false, data: d.targets, lineStyle: { type: 'dashed', color: '#6c757d' } }] });
          chart.on('click', function (p) { go('/governance/indicators/' + d.code + '?period=' + d.periods[p.dataIndex]); });
          el.dataset.loaded = String(d.values.filter(function (v) { return v !== null; }).length);
        } else if (d.kind === 'RADAR') {
          var latest = d.latest || {};
          if (Object.keys(latest).length === 0) { empty(el, labels); return; }
          chart = echarts.init(el);
          chart.setOption({ tooltip: {}, radar: { radius: '62%', indicator: d.chapters.map(function (c) { return { name: c.chapter + ' ' + (en ? c.titleEn : c.titleZh), max: 100 }; }) },
            series: [{ type: 'radar', areaStyle: { opacity: 0.25 }, data: [{ value: d.chapters.map(function (c) { return latest[c.chapter] || 0; }) }] }] });
          chart.on('click', function () { go('/governance/conformance'); });
          el.dataset.loaded = String(d.chapters.length);
        } else if (d.kind === 'SCORES') {
          var days = Object.keys(d.trend);
          if (days.length === 0) { empty(el, labels); return; }
          chart = echarts.init(el);
          chart.setOption({ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 36, right: 16, top: 36, bottom: 30 },
            xAxis: { type: 'category', data: days }, yAxis: { type: 'value', min: 0, max: 100 },
            series: d.chapters.map(function (c) { return { name: c.chapter, type: 'line', showSymbol: days.length < 20,
              data: days.map(function (x) { var v = d.trend[x][c.chapter]; return v === undefined ? null : v; }) }; }) });
          chart.on('click', function () { go('/governance/conformance'); });
          el.dataset.loaded = String(days.length);
        } else if (d.kind === 'NONCONFORMITIES') {
          chart = echarts.init(el);
          var keys = SOURCES.filter(function (s) { return d.bySource[s] !== undefined; });
          chart.setOption({ tooltip: {}, grid: { left: 40, right: 16, top: 16, bottom: 30 },
            xAxis: { type: 'category', data: keys.map(function (k) { return k; }) }, yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', barMaxWidth: 28, data: keys.map(function (k) { return d.bySource[k]; }), itemStyle: { color: '#fd7e14' } }] });
          chart.on('click', function () { go('/work/nonconformity'); });
          el.dataset.loaded = String(keys.reduce(function (s, k) { return s + d.bySource[k]; }, 0));
        }
        if (chart) { window.addEventListener('resize', function () { chart.resize(); }); }
      });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.yw-widget').forEach(draw);
    var kind = document.getElementById('widget-kind');
    var code = document.getElementById('widget-code');
    if (kind && code) {
      var sync = function () { code.disabled = kind.value !== 'TREND'; };
      kind.addEventListener('change', sync);
      sync();
    }
  });
})();
