// The hotspot map (/analytics/hotspots): the grid's cells as squares coloured by count, the kernel density as a layer
// to switch on, and the beat outlines. The table and charts under it say the same in numbers, so the page reads
// without JavaScript. Tooltips go in as text nodes (window.UchastokMap.text), never as HTML.
(function () {
    "use strict";
    if (!window.L || !window.UchastokMap) return;
    var element = document.getElementById("hotspot-map");
    if (!element) return;
    var cells = JSON.parse(element.dataset.cells || "[]");
    var labels = element.dataset;

    // Five steps from pale yellow to deep red, by the share of the busiest cell: told apart by lightness too.
    var ramp = ["#fff3b0", "#fdc36a", "#f4843d", "#d7301f", "#7f0000"];
    function step(value, max) {
        if (!(max > 0) || !(value > 0)) return -1;
        return Math.min(ramp.length - 1, Math.floor((value / max) * ramp.length));
    }
    function square(cell) {
        return cell.polygon.map(function (p) { return [p[1], p[0]]; });
    }
    var maxCount = cells.reduce(function (m, c) { return Math.max(m, c.count); }, 0);
    var maxDensity = cells.reduce(function (m, c) { return Math.max(m, c.density || 0); }, 0);

    var countLayer = L.layerGroup();
    var densityLayer = L.layerGroup();
    cells.forEach(function (cell) {
        var s = step(cell.count, maxCount);
        if (s >= 0) {
            L.polygon(square(cell), { color: "#334e68", weight: 0.5, fillColor: ramp[s], fillOpacity: 0.75, className: "hotspot-cell" })
                .bindTooltip(window.UchastokMap.text(labels.countText + ": " + cell.count))
                .addTo(countLayer);
        }
        var d = step(cell.density || 0, maxDensity);
        if (d >= 0) {
            L.polygon(square(cell), { stroke: false, fillColor: ramp[d], fillOpacity: 0.6, className: "hotspot-density" })
                .bindTooltip(window.UchastokMap.text(labels.densityText + ": " + Number(cell.density).toFixed(1)))
                .addTo(densityLayer);
        }
    });
    var beatData = window.UchastokMap.geoJson(labels.beats);
    var beats = L.geoJSON(beatData || [], {
        interactive: false,
        style: { color: "#0b6e4f", weight: 2, dashArray: "5 4", fill: false }
    });

    var map = window.UchastokMap.create(element, { base: false });
    beats.addTo(map);
    countLayer.addTo(map);
    // The layer switch puts its names in as HTML: they are escaped first, though they come from Uchastok's own texts.
    var overlays = {};
    overlays[window.UchastokMap.escape(labels.countsLabel)] = countLayer;
    overlays[window.UchastokMap.escape(labels.densityLabel)] = densityLayer;
    overlays[window.UchastokMap.escape(labels.beatsLabel)] = beats;
    L.control.layers(null, overlays, { collapsed: false }).addTo(map);

    var bounds = beats.getBounds();
    cells.forEach(function (cell) { bounds.extend([cell.lat, cell.lon]); });
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
})();
