// The find-my-inspector map and a beat's map. They draw what the server sent; on the find page a tap
// (or "use my location") reloads the page with that point: the card is always rendered on the server,
// with or without JS.
(function () {
    "use strict";
    var element = document.getElementById("map");
    if (!element || !window.L || !window.UchastokMap) return;

    var layers = [];
    var bounds = L.latLngBounds([]);
    var beatData = window.UchastokMap.geoJson(element.dataset.beat);
    if (beatData) {
        var beat = L.geoJSON(beatData, {
            interactive: false,
            style: { color: "#0b6e4f", weight: 3, fillColor: "#3ebd93", fillOpacity: 0.35, className: "beat-outline" }
        });
        layers.push(beat);
        bounds = beat.getBounds().pad(0.6);
    }
    if (element.dataset.point) {
        var parts = element.dataset.point.split(",").map(Number);
        layers.push(L.circleMarker(parts, { radius: 7, color: "#9b1c1c", fillColor: "#e12d39", fillOpacity: 1, interactive: false }));
    }

    // With nothing chosen yet, the city's districts frame the view once they are drawn.
    var map = window.UchastokMap.create(element, {
        onDistricts: function (districts) { if (!bounds.isValid() && districts.isValid()) map.fitBounds(districts); }
    });
    if (bounds.isValid()) map.fitBounds(bounds);
    layers.forEach(function (layer) { layer.addTo(map); });

    if (element.dataset.pick === undefined) return;
    function choose(latlng) {
        var url = new URL(window.location.href);
        url.search = "";
        url.searchParams.set("lat", latlng.lat.toFixed(6));
        url.searchParams.set("lon", latlng.lng.toFixed(6));
        window.location.assign(url.toString());
    }
    map.on("click", function (event) { choose(event.latlng); });

    window.UchastokMap.offerLocation(choose);
})();
