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
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var filters = {
    rule: document.getElementById('filter-rule'),
    severity: document.getElementById('filter-severity'),
    source: document.getElementById('filter-page'),
    text: document.getElementById('filter-text')
  };
  var shown = document.getElementById('shown-count');

  function apply() {
    var query = filters.text.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (tr) {
      var ok = (!filters.rule.value || tr.dataset.rule === filters.rule.value) &&
        (!filters.severity.value || tr.dataset.severity === filters.severity.value) &&
        (!filters.source.value || tr.dataset.source === filters.source.value) &&
        (!query || tr.textContent.toLowerCase().indexOf(query) >= 0);
      tr.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = String(n);
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  var keys = {
    location: function (a, b) {
      return cmp(a.dataset.source, b.dataset.source) || cmp(+a.dataset.line, +b.dataset.line) ||
        cmp(+a.dataset.column, +b.dataset.column);
    },
    severity: function (a, b) { return cmp(+b.dataset.rank, +a.dataset.rank); },
    rule: function (a, b) { return cmp(a.dataset.rule, b.dataset.rule); },
    message: function (a, b) { return cmp(a.dataset.message, b.dataset.message); }
  };

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () {
      var key = th.dataset.sort;
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.sort(function (a, b) { return dir * (keys[key](a, b) || (+a.dataset.index - +b.dataset.index)); });
      rows.forEach(function (tr) { tbody.appendChild(tr); });
    });
  });

  ['rule', 'severity', 'source'].forEach(function (k) { filters[k].addEventListener('change', apply); });
  filters.text.addEventListener('input', apply);
  apply();
}());
