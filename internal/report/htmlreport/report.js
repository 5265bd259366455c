(function () {
  'use strict';
  // The time stamp is read from the embedded report, so that the markup
  // itself is the same for the same findings.
  var data = JSON.parse(document.getElementById('pagelint-report').textContent);
  if (data.generatedAt) {
    document.getElementById('generated-at').textContent = 'Generated ' + data.generatedAt + ' · ';
  }

  var table = document.getElementById('findings');
  if (!table) { return; }
  var groups = Array.prototype.slice.call(table.tBodies);
  var rows = Array.prototype.slice.call(table.querySelectorAll('tr.finding'));
  var filters = {
    rule: document.getElementById('filter-rule'),
    severity: document.getElementById('filter-severity'),
    source: document.getElementById('filter-page'),
    change: document.getElementById('filter-change'),
    text: document.getElementById('filter-text')
  };
  var shown = document.getElementById('shown-count');
  var status = document.getElementById('filter-status');
  var svgNS = 'http://www.w3.org/2000/svg';

  function matches(tr, query) {
    return (!filters.rule.value || tr.dataset.rule === filters.rule.value) &&
      (!filters.severity.value || tr.dataset.severity === filters.severity.value) &&
      (!filters.source.value || tr.dataset.source === filters.source.value) &&
      (!filters.change || !filters.change.value || tr.dataset.change === filters.change.value) &&
      (!query || tr.textContent.toLowerCase().indexOf(query) >= 0);
  }

  function apply() {
    var query = filters.text.value.trim().toLowerCase();
    var visible = [];
    rows.forEach(function (tr) {
      var ok = matches(tr, query);
      tr.hidden = !ok;
      if (ok) { visible.push(tr); }
    });
    groups.forEach(function (tbody) {
      tbody.hidden = !tbody.querySelector('tr.finding:not([hidden])');
    });
    shown.textContent = String(visible.length);
    status.textContent = visible.length + ' of ' + rows.length + ' findings shown';
    document.querySelectorAll('.chart svg').forEach(function (svg) { drawChart(svg, visible); });
  }

  // drawChart lays out the bars of the findings shown, as the report's
  // Go code lays out the first view: stacked by severity, the largest
  // first, at most data-max-bars of them.
  function drawChart(svg, visible) {
    var key = svg.dataset.key;
    var g = {
      labelW: +svg.dataset.labelWidth, barW: +svg.dataset.barWidth, rowH: +svg.dataset.rowHeight,
      barH: +svg.dataset.barHeight, maxBars: +svg.dataset.maxBars, chars: +svg.dataset.labelChars
    };
    var counts = {};
    var order = [];
    visible.forEach(function (tr) {
      var k = tr.dataset[key];
      if (!counts[k]) { counts[k] = { key: k, error: 0, warning: 0, info: 0, total: 0 }; order.push(k); }
      counts[k][tr.dataset.severity]++;
      counts[k].total++;
    });
    var bars = order.sort().map(function (k) { return counts[k]; });
    bars.sort(function (a, b) { return b.total - a.total; }); // stable: equal ones keep their order
    var more = Math.max(bars.length - g.maxBars, 0);
    bars = bars.slice(0, g.maxBars);
    var largest = Math.max.apply(null, [1].concat(bars.map(function (b) { return b.total; })));
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    bars.forEach(function (b, i) {
      var y = i * g.rowH;
      var group = document.createElementNS(svgNS, 'g');
      var title = document.createElementNS(svgNS, 'title');
      title.textContent = b.key + ': ' + b.error + ' errors, ' + b.warning + ' warnings, ' + b.info + ' info';
      group.appendChild(title);
      var label = document.createElementNS(svgNS, 'text');
      label.setAttribute('x', '0');
      label.setAttribute('y', String(y + g.barH - 2));
      label.textContent = b.key.length > g.chars ? '…' + b.key.slice(b.key.length - g.chars + 1) : b.key;
      group.appendChild(label);
      var x = g.labelW;
      ['error', 'warning', 'info'].forEach(function (sev) {
        if (!b[sev]) { return; }
        var w = b[sev] / largest * g.barW;
        var rect = document.createElementNS(svgNS, 'rect');
        rect.setAttribute('class', 'bar-' + sev);
        rect.setAttribute('x', x.toFixed(1));
        rect.setAttribute('y', String(y));
        rect.setAttribute('width', w.toFixed(1));
        rect.setAttribute('height', String(g.barH));
        group.appendChild(rect);
        x += w;
      });
      var count = document.createElementNS(svgNS, 'text');
      count.setAttribute('class', 'count');
      count.setAttribute('x', (x + 6).toFixed(1));
      count.setAttribute('y', String(y + g.barH - 2));
      count.textContent = String(b.total);
      group.appendChild(count);
      svg.appendChild(group);
    });
    var height = Math.max(bars.length * g.rowH, g.rowH);
    svg.setAttribute('viewBox', '0 0 ' + svg.viewBox.baseVal.width + ' ' + height);
    var note = svg.parentNode.querySelector('.more');
    note.hidden = more === 0;
    note.querySelector('.more-count').textContent = String(more);
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  var keys = {
    location: function (a, b) { return cmp(+a.dataset.line, +b.dataset.line) || cmp(+a.dataset.column, +b.dataset.column); },
    severity: function (a, b) { return cmp(+b.dataset.rank, +a.dataset.rank); },
    rule: function (a, b) { return cmp(a.dataset.rule, b.dataset.rule); },
    message: function (a, b) { return cmp(a.dataset.message, b.dataset.message); }
  };

  // Sorting orders the findings within each page; the headers are buttons,
  // so that a keyboard reaches and presses them.
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.sort;
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      groups.forEach(function (tbody) {
        var own = Array.prototype.slice.call(tbody.querySelectorAll('tr.finding'));
        own.sort(function (a, b) { return dir * (keys[key](a, b) || (+a.dataset.index - +b.dataset.index)); });
        own.forEach(function (tr) { tbody.appendChild(tr); });
      });
      status.textContent = 'sorted by ' + key + (dir === 1 ? ', ascending' : ', descending');
    });
  });

  ['rule', 'severity', 'source', 'change'].forEach(function (k) {
    if (filters[k]) { filters[k].addEventListener('change', apply); }
  });
  filters.text.addEventListener('input', apply);
  apply();
}());
