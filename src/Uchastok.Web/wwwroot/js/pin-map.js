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
