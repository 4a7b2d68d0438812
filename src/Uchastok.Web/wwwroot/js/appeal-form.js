// The appeal form's map: a click puts the pin and fills lat/lon; the form still works without it
// (typed address or district). The submit button is disabled after the first click, and the hidden
// idempotency key makes a second submission file nothing new anyway.
(function () {
    "use strict";
    var form = document.getElementById("appeal-form");
    if (form) {
        form.addEventListener("submit", function () {
            var button = document.getElementById("submit-appeal");
            if (button) window.setTimeout(function () { button.disabled = true; }, 0);
        });
    }
    var element = document.getElementById("appeal-map");
    if (!element || !window.L || !window.UchastokMap) return;
    var lat = document.getElementById("lat");
    var lon = document.getElementById("lon");
    var status = document.getElementById("pin-status");

    var districts = L.geoJSON(window.UchastokMap.geoJson(element.dataset.districts) || [], {
        style: { color: "#52606d", weight: 1.5, fillColor: "#e4e7eb", fillOpacity: 0.6 }
    });
    var map = window.UchastokMap.create(element);
    var bounds = districts.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds); else map.setView([43.25, 76.92], 11);
    districts.addTo(map);

    var marker = null;
    function place(latlng) {
        if (marker) marker.setLatLng(latlng);
        else marker = L.circleMarker(latlng, { radius: 8, color: "#9b1c1c", fillColor: "#e12d39", fillOpacity: 1, className: "appeal-pin" }).addTo(map);
        lat.value = latlng.lat.toFixed(6);
        lon.value = latlng.lng.toFixed(6);
        if (status) status.textContent = (status.dataset.label || "") + " " + lat.value + ", " + lon.value;
    }
    if (lat.value && lon.value) place(L.latLng(Number(lat.value), Number(lon.value)));
    map.on("click", function (event) { place(event.latlng); });
})();
