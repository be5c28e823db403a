// Lina support console: the little the pages need from the browser. No inline scripts
// (the Content-Security-Policy forbids them); data comes from data-* attributes.
(function () {
  'use strict';

  // Charts: each canvas carries its chart as JSON in data-chart (Chart.js, served locally).
  function drawCharts() {
    if (typeof window.Chart !== 'function') return;
    var palette = ['#00796b', '#1e88e5', '#f9a825', '#8e24aa', '#e53935', '#6d4c41'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec;
      try {
        spec = JSON.parse(canvas.getAttribute('data-chart'));
      } catch {
        return;
      }
      var datasets = spec.datasets.map(function (dataset, index) {
        return { label: dataset.label, data: dataset.data, backgroundColor: palette[index % palette.length] };
      });
      var scales = { y: { beginAtZero: true } };
      if (spec.percent) scales.y.max = 100;
      new window.Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: scales },
      });
    });
  }

  // Failure form: the proposed text follows the channel until the analyst edits it.
  function followDefaultText() {
    var select = document.getElementById('notice-channel');
    var text = document.getElementById('notice-text');
    if (!select || !text) return;
    var edited = false;
    text.addEventListener('input', function () {
      edited = true;
    });
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      var proposed = option && option.getAttribute('data-default-text');
      if (!edited && proposed) text.value = proposed;
    });
  }

  // Forms that change what members read ask first.
  function confirmForms() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    followDefaultText();
    confirmForms();
  });
})();
