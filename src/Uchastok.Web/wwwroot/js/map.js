// The find-my-inspector map. It only draws what the server sent and, on a click, reloads the
// page with the clicked point: the card is always rendered on the server, with or without JS.
(function () {
    "use strict";
    var element = document.getElementById("map");
    if (!element || !window.L || !window.UchastokMap) return;

    var geoJson = window.UchastokMap.geoJson;
    var layers = [];
    var bounds = L.latLngBounds([]);
    var districtData = geoJson(element.dataset.districts);
    if (districtData) {
        var districts = L.geoJSON(districtData, {
            style: { color: "#52606d", weight: 1.5, fillColor: "#e4e7eb", fillOpacity: 0.6 }
        });
        layers.push(districts);
        bounds = districts.getBounds();
    }

    var beatData = geoJson(element.dataset.beat);
    if (beatData) {
        var beat = L.geoJSON(beatData, {
            style: { color: "#0b6e4f", weight: 3, fillColor: "#3ebd93", fillOpacity: 0.35, className: "beat-outline" }
        });
        layers.push(beat);
        bounds = beat.getBounds().pad(0.6);
    }
    if (element.dataset.point) {
        var parts = element.dataset.point.split(",").map(Number);
        layers.push(L.circleMarker(parts, { radius: 7, color: "#9b1c1c", fillColor: "#e12d39", fillOpacity: 1 }));
    }

    // The view must exist before vector layers are added: they are projected on adding.
    var map = window.UchastokMap.create(element);
    if (bounds.isValid()) map.fitBounds(bounds); else map.setView([43.25, 76.92], 11);
    layers.forEach(function (layer) { layer.addTo(map); });

    map.on("click", function (event) {
        var url = new URL(window.location.href);
        url.search = "";
        url.searchParams.set("lat", event.latlng.lat.toFixed(6));
        url.searchParams.set("lon", event.latlng.lng.toFixed(6));
        window.location.assign(url.toString());
    });
})();
