// What every Uchastok map shares: zoom buttons named in the page's language; the tile layer when one is
// configured (UCHASTOK_TILES); otherwise a base drawn from Uchastok's own data (district outlines and
// names, streets with their names, reception points, and — zoomed in — the beats and their numbers), so
// that a map always has something to aim at; GeoJSON read safely; tooltips written as text, never as HTML.
window.UchastokMap = (function () {
    "use strict";
    var config = (document.getElementById("map-layers") || { dataset: {} }).dataset;
    var language = document.documentElement.lang || "ru";
    var streetZoom = Number(config.streetZoom || 15);
    var baseData = null;

    // Leaflet throws on a GeoJSON object without a type ("{}", an empty attribute): such data is no layer at all.
    function geoJson(text) {
        var data = text ? JSON.parse(text) : null;
        return data && data.type ? data : null;
    }

    // Leaflet puts a string tooltip, popup or attribution in as HTML; names and codes come from people and
    // imported files, so every map gives Leaflet a text node's element, never a string it would parse.
    function text(value) {
        var span = document.createElement("span");
        span.textContent = value === null || value === undefined ? "" : String(value);
        return span;
    }

    // For the one place Leaflet takes only a string (an attribution): the value's HTML with every character escaped.
    function escape(value) {
        return text(value).innerHTML;
    }

    function name(properties) {
        return properties["name" + language.charAt(0).toUpperCase() + language.slice(1)] || properties.nameRu || "";
    }

    function label(latlng, content, className) {
        return L.tooltip({ permanent: true, direction: "center", className: "map-label " + className, interactive: false })
            .setLatLng(latlng).setContent(text(content));
    }

    function fetchJson(url) {
        return fetch(url, { headers: { "Accept": "application/geo+json" } }).then(function (r) { return r.ok ? r.json() : null; });
    }

    // Labels that suit one range of zoom: district names from afar, street names and beat numbers up close.
    function showBetween(map, group, min, max) {
        function update() {
            var zoom = map.getZoom();
            if (zoom >= min && zoom <= max) group.addTo(map); else group.remove();
        }
        map.on("zoomend", update);
        update();
    }

    function drawBase(map, data, options) {
        var features = data.features;
        var ofKind = function (kind) { return { type: "FeatureCollection", features: features.filter(function (f) { return f.properties.kind === kind; }) }; };
        var districts = L.geoJSON(ofKind("district"), {
            interactive: false,
            style: { color: "#52606d", weight: 1.5, fillColor: "#e4e7eb", fillOpacity: options.plain ? 0.6 : 0.15 }
        }).addTo(map);
        districts.bringToBack();
        var districtLabels = L.layerGroup(ofKind("district").features.map(function (f) {
            return label([f.properties.labelLat, f.properties.labelLon], name(f.properties), "district-label");
        }));
        showBetween(map, districtLabels, 0, 13.5);

        if (options.plain) {
            var streets = ofKind("street");
            L.geoJSON(streets, { interactive: false, style: { color: "#9aa5b1", weight: 7, opacity: 1, lineCap: "round" } }).addTo(map);
            L.geoJSON(streets, { interactive: false, style: { color: "#ffffff", weight: 4, opacity: 1, lineCap: "round" } }).addTo(map);
            var streetLabels = L.layerGroup(streets.features.map(function (f) {
                var line = f.geometry.coordinates;
                var middle = line[Math.floor(line.length / 2)];
                var before = line[Math.max(0, Math.floor(line.length / 2) - 1)];
                var at = line.length % 2 === 0 ? [(middle[1] + before[1]) / 2, (middle[0] + before[0]) / 2] : [middle[1], middle[0]];
                return label(at, name(f.properties), "street-label");
            }));
            showBetween(map, streetLabels, streetZoom, 20);
        }

        var receptionName = document.body.dataset.mapReception || "";
        ofKind("reception").features.forEach(function (f) {
            var at = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
            L.circleMarker(at, { radius: 6, color: "#1f4e79", weight: 2, fillColor: "#ffffff", fillOpacity: 1, className: "reception-point", bubblingMouseEvents: true })
                .bindTooltip(text(receptionName + " " + f.properties.number + " — " + name(f.properties) + ", " + f.properties.house))
                .addTo(map);
        });
        if (options.onDistricts) options.onDistricts(districts.getBounds());
    }

    // Beats are many: their outlines come only when the map is close enough to tell them apart.
    function drawBeatsWhenClose(map) {
        var group = null, asked = false;
        function update() {
            if (map.getZoom() < 15) { if (group) group.remove(); return; }
            if (group) { group.addTo(map); return; }
            if (asked || !config.beatLayer) return;
            asked = true;
            fetchJson(config.beatLayer).then(function (data) {
                if (!data) return;
                var outlines = L.geoJSON(data, { interactive: false, style: { color: "#0b6e4f", weight: 1.5, dashArray: "4 4", fill: false } });
                var labels = data.features.map(function (f) {
                    return label([f.properties.labelLat, f.properties.labelLon], "№ " + f.properties.number, "beat-label");
                });
                group = L.layerGroup([outlines].concat(labels));
                update();
            });
        }
        map.on("zoomend", update);
        update();
    }

    // options.onDistricts(bounds): called once the district outlines are drawn, to fit a view that has nothing else to show.
    function create(element, options) {
        options = options || {};
        var labels = document.body.dataset;
        var map = L.map(element, { zoomSnap: 0.5, zoomControl: false });
        L.control.zoom({ zoomInTitle: labels.mapZoomIn || "+", zoomOutTitle: labels.mapZoomOut || "-" }).addTo(map);
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        var plain = !config.tiles;
        if (!plain) {
            L.tileLayer(config.tiles, { maxZoom: 19, attribution: "&copy; OpenStreetMap" }).addTo(map);
        } else {
            element.classList.add("plain");
            map.attributionControl.addAttribution(escape(labels.mapOwnData || ""));
        }
        map.setView([43.25, 76.92], 11);
        if (config.baseLayer && options.base !== false) {
            var ready = baseData ? Promise.resolve(baseData) : fetchJson(config.baseLayer).then(function (data) { baseData = data; return data; });
            ready.then(function (data) { if (data) drawBase(map, data, { plain: plain, onDistricts: options.onDistricts }); })
                .catch(function () { /* offline: the map still takes taps */ });
            if (plain) drawBeatsWhenClose(map);
        }
        return map;
    }

    // "Use my location": the page's button (#use-my-location) shown where the browser can tell, calling onPlace
    // with the position once, or putting a plain message in #location-problem when it is refused or unknown.
    function offerLocation(onPlace) {
        var button = document.getElementById("use-my-location");
        var problem = document.getElementById("location-problem");
        if (!button || !navigator.geolocation) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.geolocation.getCurrentPosition(
                function (position) { onPlace(L.latLng(position.coords.latitude, position.coords.longitude)); },
                function () { if (problem) problem.textContent = problem.dataset.message; },
                { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    }

    return { create: create, geoJson: geoJson, text: text, escape: escape, offerLocation: offerLocation };
})();
