// A capacity record's chart (ECharts): the measured history, the linear forecast from it
// (dashed), the threshold, and the day the forecast crosses it.
(function () {
  'use strict';
  function draw(el) {
    fetch(el.dataset.src, { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var chart = echarts.init(el);
        var labels = JSON.parse(el.dataset.labels);
        var series = [{
          name: labels.measured, type: 'line', data: data.history, showSymbol: data.history.length < 40,
          symbolSize: 5, lineStyle: { width: 2, color: '#0d6efd' }, itemStyle: { color: '#0d6efd' },
          markLine: {
            silent: true, symbol: 'none', lineStyle: { color: '#dc3545', type: 'solid' },
            label: { formatter: labels.threshold + ' ' + data.threshold + ' ' + data.unit, position: 'insideEndTop' },
            data: [{ yAxis: data.threshold }]
          }
        }];
        if (data.forecast) {
          var forecast = {
            name: labels.forecast, type: 'line', data: data.forecast, showSymbol: false,
            lineStyle: { width: 2, type: 'dashed', color: '#fd7e14' }, itemStyle: { color: '#fd7e14' }
          };
          if (data.crossing) {
            forecast.markPoint = {
              symbol: 'pin', symbolSize: 46, itemStyle: { color: '#dc3545' },
              label: { fontSize: 10, formatter: function () { return data.crossing.substring(5); } },
              data: [{ coord: [data.crossing, data.crossingValue], name: labels.crossing }]
            };
            forecast.markLine = {
              silent: true, symbol: 'none', lineStyle: { color: '#dc3545', type: 'dotted' },
              label: { formatter: labels.crossing + ' ' + data.crossing, position: 'insideEndBottom' },
              data: [{ xAxis: data.crossing }]
            };
          }
          series.push(forecast);
        }
        chart.setOption({
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 60, right: 30, top: 40, bottom: 40 },
          xAxis: { type: 'time' },
          yAxis: { type: 'value', name: data.unit, scale: true },
          series: series
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.loaded = String(data.history.length);
        el.dataset.forecast = data.forecast ? 'true' : 'false';
      });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.yw-capacity-chart').forEach(draw);
  });
})();
