// The impact graph of a CI (ECharts): what is impacted if it fails to the left, what it
// runs on to the right, one column per hop; a click opens the CI.
(function () {
  'use strict';
  function textWidth(text) {
    var w = 0;
    for (var i = 0; i < text.length; i++) { w += text.charCodeAt(i) > 0x2e80 ? 12 : 7; }
    return w;
  }
  function draw(el, chart, data) {
    var lang = el.dataset.lang;
    var byDepth = {};
    data.nodes.forEach(function (n) { (byDepth[n.depth] = byDepth[n.depth] || []).push(n); });
    var nodes = data.nodes.map(function (n) {
      var column = byDepth[n.depth];
      var index = column.indexOf(n);
      var colour = n.depth === 0 ? '#0d6efd' : (n.depth < 0 ? '#dc3545' : '#6c757d');
      return {
        id: String(n.id), name: n.name, value: n.number,
        x: n.depth * 180, y: (index - (column.length - 1) / 2) * 44,
        symbol: 'roundRect', symbolSize: [Math.min(160, 20 + textWidth(n.name)), 28],
        itemStyle: { color: n.depth === 0 ? colour : '#fff', borderColor: colour, borderWidth: 1.5 },
        label: { show: true, color: n.depth === 0 ? '#fff' : '#212529', fontSize: 11, width: 140, overflow: 'truncate' },
        tooltip: { formatter: n.number + '<br>' + (lang === 'en' ? n.classNameEn : n.classNameZh) },
        number: n.number
      };
    });
    var edges = data.edges.map(function (e) {
      return {
        source: String(e.source), target: String(e.target),
        label: { show: false, formatter: lang === 'en' ? e.labelEn : e.labelZh, fontSize: 10, color: '#6c757d' },
        emphasis: { label: { show: true } }
      };
    });
    chart.setOption({
      tooltip: {},
      animation: false,
      series: [{
        type: 'graph', layout: 'none', roam: true, draggable: false,
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
        lineStyle: { color: '#adb5bd', width: 1.2, curveness: 0.08 },
        data: nodes, links: edges
      }]
    }, true);
  }
  function init() {
    var el = document.getElementById('impact-chart');
    if (!el || typeof echarts === 'undefined') { return; }
    var chart = echarts.init(el);
    var direction = document.getElementById('impact-direction');
    var depth = document.getElementById('impact-depth');
    function load() {
      var url = el.dataset.url + '?direction=' + encodeURIComponent(direction.value) + '&depth=' + encodeURIComponent(depth.value);
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (data) { draw(el, chart, data); el.dataset.loaded = String(data.nodes.length); });
    }
    chart.on('click', function (p) {
      if (p.dataType === 'node' && p.data.number) { window.location.href = '/cmdb/' + p.data.number; }
    });
    direction.addEventListener('change', load);
    depth.addEventListener('change', load);
    window.addEventListener('resize', function () { chart.resize(); });
    load();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
