/* Bar charts for Open Wmo. No inline scripts (strict CSP): every <canvas data-grafiek="ID"> reads its
   data from the json_script element with that ID: {labels: [...], reeksen: [{label, data: ["12.34", ...]}]}.
   Amounts arrive as strings (Decimal) and are only turned into numbers for drawing. */
(function () {
  "use strict";
  var kleuren = ["#8fa9c7", "#154273", "#f9b000", "#0b6b2b"];
  var euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  function teken(canvas) {
    var bron = document.getElementById(canvas.dataset.grafiek);
    if (!bron || typeof Chart === "undefined") { return; }
    var data = JSON.parse(bron.textContent);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.reeksen.map(function (r, i) {
          return { label: r.label, data: r.data.map(Number), backgroundColor: kleuren[i % kleuren.length] };
        })
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return euro.format(v); } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + euro.format(c.parsed.y); } } } }
      }
    });
    canvas.dataset.getekend = "ja";
  }
  document.querySelectorAll("canvas[data-grafiek]").forEach(teken);
})();
