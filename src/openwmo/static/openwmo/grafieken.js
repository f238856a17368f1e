/* Open Wmo dashboards: draw every <canvas data-grafiek="ID"> with Chart.js from the JSON in
   <script type="application/json" id="ID"> (Django's json_script). No inline script: CSP-safe. */
(function () {
  "use strict";

  var getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

  function hoogte(grafiek) {
    if (!grafiek.horizontaal) { return 320; }
    return Math.max(200, grafiek.labels.length * 26 * Math.max(1, grafiek.reeksen.length * 0.7) + 70);
  }

  function teken(canvas) {
    var bron = document.getElementById(canvas.getAttribute("data-grafiek"));
    if (!bron || typeof window.Chart === "undefined") { return; }
    var grafiek = JSON.parse(bron.textContent);
    canvas.parentNode.style.height = hoogte(grafiek) + "px";
    var waardeAs = {
      beginAtZero: true,
      ticks: { callback: function (waarde) { return getal.format(waarde); } }
    };
    var schalen = grafiek.horizontaal ? { x: waardeAs } : { y: waardeAs };
    canvas.grafiek = new window.Chart(canvas, {
      type: grafiek.soort,
      data: {
        labels: grafiek.labels,
        datasets: grafiek.reeksen.map(function (reeks) {
          return {
            label: reeks.label,
            data: reeks.data,
            backgroundColor: reeks.kleur,
            borderColor: reeks.kleur,
            borderWidth: grafiek.soort === "line" ? 2 : 0,
            tension: 0.2
          };
        })
      },
      options: {
        indexAxis: grafiek.horizontaal ? "y" : "x",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: "nl-NL",
        scales: schalen,
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (context) {
                var waarde = grafiek.horizontaal ? context.parsed.x : context.parsed.y;
                return context.dataset.label + ": " + (waarde === null ? "–" : getal.format(waarde));
              }
            }
          }
        }
      }
    });
  }

  function start() {
    var canvassen = document.querySelectorAll("canvas[data-grafiek]");
    for (var i = 0; i < canvassen.length; i++) { teken(canvassen[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
