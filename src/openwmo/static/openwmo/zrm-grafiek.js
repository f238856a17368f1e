// ZRM over time on the client dossier: the average as a bold line, each domain as a thin (toggleable) line.
(function () {
  var canvas = document.getElementById("zrm-grafiek");
  var bron = document.getElementById("zrm-data");
  if (!canvas || !bron || typeof Chart === "undefined") return;
  var zrm = JSON.parse(bron.textContent);
  var datasets = [{ label: "Gemiddeld", data: zrm.gemiddelde, borderColor: "#154273", borderWidth: 3 }];
  zrm.domeinen.forEach(function (d) {
    datasets.push({ label: d.label, data: d.data, borderWidth: 1 });
  });
  new Chart(canvas, {
    type: "line",
    data: { labels: zrm.labels, datasets: datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: "right", labels: { boxWidth: 10, font: { size: 10 } } } },
    },
  });
})();
