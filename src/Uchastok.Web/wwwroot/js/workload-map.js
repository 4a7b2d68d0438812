// Maps of beats coloured by load over the mean: the workload page and the two maps of a design
// run, where the small areas that move are outlined over the beats. The tables beside them say
// the same in numbers, so the pages read without JavaScript too.
(function () {
    "use strict";
    if (!window.L || !window.UchastokMap) return;
    function colour(ratio) {
        if (ratio >= 1.2) return "#b91c1c";
        if (ratio >= 1.1) return "#f97316";
        if (ratio >= 0.9) return "#3ebd93";
        if (ratio >= 0.8) return "#60a5fa";
        return "#1d4ed8";
    }
    // Leaflet puts a tooltip's string in as HTML; codes and names come from imported files, so they go in as text.
    function shown(value) {
        return value === null || value === undefined ? "—" : value;
    }
    document.querySelectorAll("[data-beats]").forEach(function (element) {
        var beats = L.geoJSON(window.UchastokMap.geoJson(element.dataset.beats) || [], {
            style: function (feature) {
                return { color: "#334e68", weight: 1, fillColor: colour(feature.properties.ratio), fillOpacity: 0.65 };
            },
            onEachFeature: function (feature, layer) {
                layer.bindTooltip(window.UchastokMap.text(shown(feature.properties.code) + ": " + Number(feature.properties.ratio).toFixed(2)));
            }
        });
        // Dashed, thick and purple: told from the beats' thin grey borders by more than colour.
        var movedData = window.UchastokMap.geoJson(element.dataset.moved);
        var moved = movedData ? L.geoJSON(movedData, {
            style: function () {
                return { color: "#6d28d9", weight: 3, dashArray: "6 4", fill: false, className: "moved-area" };
            },
            onEachFeature: function (feature, layer) {
                var p = feature.properties;
                layer.bindTooltip(window.UchastokMap.text(shown(p.code) + ": " + shown(p.from) + " → " + shown(p.to)));
            }
        }) : null;
        var map = window.UchastokMap.create(element, { base: false });
        var bounds = beats.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds);
        beats.addTo(map);
        if (moved) moved.addTo(map);
    });
})();
