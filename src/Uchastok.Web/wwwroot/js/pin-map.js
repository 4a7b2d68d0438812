// A pin set on a map where an address has no house number (a rural yard, a dacha): a tap puts it,
// the hidden latitude and longitude fields carry it, "clear" takes it away. The form works without it.
(function () {
    "use strict";
    var element = document.getElementById("pin-map");
    if (!element || !window.L || !window.UchastokMap) return;
    var lat = document.getElementById(element.dataset.latInput);
    var lon = document.getElementById(element.dataset.lonInput);
    var status = document.getElementById("pin-status");
    var clear = document.getElementById("clear-pin");
    var map = window.UchastokMap.create(element);
    var marker = null;
    // Points already on record (a staff layer, such as the places where minors gather): their labels are people's words, so text only.
    var points = JSON.parse(element.dataset.points || "[]");
    points.forEach(function (point) {
        L.circleMarker([point.lat, point.lon], { radius: 7, color: "#6b4e00", fillColor: "#f0b429", fillOpacity: 1 })
            .bindTooltip(window.UchastokMap.text(point.label)).addTo(map);
    });

    function show(latlng) {
        if (marker) marker.setLatLng(latlng);
        else marker = L.circleMarker(latlng, { radius: 8, color: "#9b1c1c", fillColor: "#e12d39", fillOpacity: 1 }).addTo(map);
        status.textContent = status.dataset.set + " " + latlng.lat.toFixed(4) + ", " + latlng.lng.toFixed(4);
        clear.hidden = false;
    }

    if (lat.value && lon.value) {
        var start = L.latLng(Number(lat.value), Number(lon.value));
        map.setView(start, 16);
        show(start);
    } else if (points.length > 0) {
        map.fitBounds(L.latLngBounds(points.map(function (p) { return [p.lat, p.lon]; })).pad(0.3), { maxZoom: 16 });
    } else {
        map.setView([43.25, 76.92], 12);
    }
    map.on("click", function (event) {
        lat.value = event.latlng.lat.toFixed(6);
        lon.value = event.latlng.lng.toFixed(6);
        show(event.latlng);
    });
    clear.addEventListener("click", function () {
        lat.value = "";
        lon.value = "";
        if (marker) { map.removeLayer(marker); marker = null; }
        status.textContent = "";
        clear.hidden = true;
    });
})();
