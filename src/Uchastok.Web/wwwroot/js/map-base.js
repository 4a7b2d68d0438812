// What every Uchastok map shares: zoom buttons named in the page's language, the tile layer when one
// is configured (UCHASTOK_TILES), GeoJSON read safely, and tooltips written as text, never as HTML.
window.UchastokMap = (function () {
    "use strict";

    // Leaflet throws on a GeoJSON object without a type ("{}", an empty attribute): such data is no layer at all.
    function geoJson(text) {
        var data = text ? JSON.parse(text) : null;
        return data && data.type ? data : null;
    }

    function create(element, options) {
        var labels = document.body.dataset;
        var map = L.map(element, Object.assign({ zoomSnap: 0.5, zoomControl: false }, options || {}));
        L.control.zoom({ zoomInTitle: labels.mapZoomIn || "+", zoomOutTitle: labels.mapZoomOut || "-" }).addTo(map);
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: "&copy; OpenStreetMap" }).addTo(map);
        } else {
            element.classList.add("plain");
        }
        return map;
    }

    // Leaflet puts a string tooltip in as HTML; names and codes come from people, so they go in as text.
    function text(value) {
        var span = document.createElement("span");
        span.textContent = value;
        return span;
    }

    return { create: create, geoJson: geoJson, text: text };
})();
