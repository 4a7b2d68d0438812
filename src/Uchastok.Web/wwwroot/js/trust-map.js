// The trust map of a district: each beat coloured by its overall trust index (0–100), grey where
// there are fewer than 30 responses. The table under it says the same in numbers.
(function () {
    "use strict";
    if (!window.L || !window.UchastokMap) return;
    function colour(score) {
        if (score === null || score === undefined) return "#bcccdc";
        if (score >= 75) return "#147d64";
        if (score >= 60) return "#3ebd93";
        if (score >= 45) return "#f0b429";
        if (score >= 30) return "#f97316";
        return "#b91c1c";
    }
    document.querySelectorAll("[data-trust]").forEach(function (element) {
        var none = element.dataset.none || "";
        var beats = L.geoJSON(window.UchastokMap.geoJson(element.dataset.trust) || [], {
            style: function (feature) {
                return { color: "#334e68", weight: 1, fillColor: colour(feature.properties.score), fillOpacity: 0.7 };
            },
            onEachFeature: function (feature, layer) {
                var score = feature.properties.score;
                layer.bindTooltip(window.UchastokMap.text(feature.properties.code + ": " + (score === null || score === undefined ? none : Number(score).toFixed(1))));
            }
        });
        var map = window.UchastokMap.create(element, { base: false });
        var bounds = beats.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds); else map.setView([43.25, 76.92], 11);
        beats.addTo(map);
    });
})();
