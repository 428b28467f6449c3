// An indicator's trend (ECharts): its monthly values over the last twelve months against
// the target in force each month.
(function () {
  'use strict';
  function draw(el) {
    fetch(el.dataset.src, { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var chart = echarts.init(el);
        var labels = JSON.parse(el.dataset.labels);
        var unit = data.unit === '%' ? '%' : '';
        chart.setOption({
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 50, right: 30, top: 40, bottom: 30 },
          xAxis: { type: 'category', data: data.periods },
          yAxis: { type: 'value', name: unit, scale: data.unit !== '%', max: data.unit === '%' ? 100 : null },
          series: [
            { name: labels.value, type: 'bar', data: data.values, barMaxWidth: 28,
              itemStyle: { color: function (p) {
                var t = data.targets[p.dataIndex];
                var ok = data.direction === 'HIGHER' ? p.value >= t : p.value <= t;
                return ok ? '#198754' : '#dc3545';
              } } },
            { name: labels.target, type: 'line', step: 'middle', data: data.targets, showSymbol: false,
              lineStyle: { type: 'dashed', color: '#6c757d' }, itemStyle: { color: '#6c757d' } }
          ]
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.loaded = String(data.values.filter(function (v) { return v !== null; }).length);
      });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.yw-indicator-chart').forEach(draw);
  });
})();
