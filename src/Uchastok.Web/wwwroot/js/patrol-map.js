// A beat's suggested patrol squares (/analytics/patrols): each square coloured by its decision (pending, accepted,
// rejected) and numbered by rank over the beat's outline; a tap on a square goes to its card, where it is decided.
// The cards say the same in words, so the page reads without JavaScript. Tooltips go in as text nodes, never as HTML.
(function () {
    "use strict";
    if (!window.L || !window.UchastokMap) return;
    var element = document.getElementById("patrol-map");
    if (!element) return;
    var cells = JSON.parse(element.dataset.cells || "[]");
    var outline = window.UchastokMap.geoJson(element.dataset.beat);

    // Told apart by line as well as colour: a rejected square is dashed, an accepted one drawn heavier.
    var styles = {
        pending: { color: "#8d2b0b", weight: 2, fillColor: "#f7c948", fillOpacity: 0.55 },
        accepted: { color: "#014d40", weight: 3, fillColor: "#3ebd93", fillOpacity: 0.6 },
        rejected: { color: "#3e4c59", weight: 2, dashArray: "5 4", fillColor: "#cbd2d9", fillOpacity: 0.45 }
    };

    var map = window.UchastokMap.create(element);
    var bounds = L.latLngBounds([]);
    if (outline) {
        var beat = L.geoJSON(outline, { interactive: false, style: { color: "#0b6e4f", weight: 2, dashArray: "5 4", fill: false } }).addTo(map);
        bounds.extend(beat.getBounds());
    }
    cells.forEach(function (cell) {
        var square = cell.polygon.map(function (p) { return [p[1], p[0]]; });
        var style = styles[cell.state] || styles.pending;
        var polygon = L.polygon(square, Object.assign({ className: "patrol-square patrol-square-" + cell.state }, style))
            .bindTooltip(window.UchastokMap.text(cell.label))
            .on("click", function () { window.location.hash = "s" + cell.id; })
            .addTo(map);
        L.tooltip({ permanent: true, direction: "center", className: "map-label patrol-rank", interactive: false })
            .setLatLng([cell.lat, cell.lon]).setContent(window.UchastokMap.text(String(cell.rank))).addTo(map);
        bounds.extend(polygon.getBounds());
    });
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 17 });
})();
