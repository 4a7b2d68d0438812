// A form that places something on the map (the appeal form, the quick report): a tap, or "use my location" after
// the browser's own consent prompt, puts the pin and fills lat/lon, and the pin is named by the nearest address so
// the resident can see it is the place she means; the form still works without it (typed address or district).
// The send button is disabled after the first press, so one press sends once (the appeal's hidden idempotency key
// makes a second submission file nothing new anyway). Each form names its parts in data attributes:
// data-pin-form, data-map (the map element's id), data-send (the button's id), data-pin-class (the pin's class).
(function () {
    "use strict";
    var form = document.querySelector("form[data-pin-form]");
    if (!form) return;
    form.addEventListener("submit", function () {
        var button = document.getElementById(form.dataset.send);
        if (button) window.setTimeout(function () { button.disabled = true; }, 0);
    });
    var element = document.getElementById(form.dataset.map);
    if (!element || !window.L || !window.UchastokMap) return;
    var lat = document.getElementById("lat");
    var lon = document.getElementById("lon");
    var status = document.getElementById("pin-status");

    var map = window.UchastokMap.create(element, {
        onDistricts: function (districts) { if (!marker && districts.isValid()) map.fitBounds(districts); }
    });

    var marker = null;
    var asking = 0;
    function place(latlng, zoomIn) {
        if (marker) marker.setLatLng(latlng);
        else marker = L.circleMarker(latlng, { radius: 8, color: "#9b1c1c", fillColor: "#e12d39", fillOpacity: 1, className: form.dataset.pinClass, interactive: false }).addTo(map);
        if (zoomIn) map.setView(latlng, Math.max(map.getZoom(), 16));
        lat.value = latlng.lat.toFixed(6);
        lon.value = latlng.lng.toFixed(6);
        if (!status) return;
        status.textContent = (status.dataset.label || "") + " " + lat.value + ", " + lon.value;
        var ask = ++asking;
        fetch("/api/v1/addresses/nearest?lat=" + lat.value + "&lon=" + lon.value, { headers: { "Accept": "application/json" } })
            .then(function (response) { return response.status === 200 ? response.json() : null; })
            .then(function (hit) {
                if (ask !== asking) return;
                status.textContent = hit ? (status.dataset.near || "").replace("{0}", hit.line) : (status.dataset.far || status.textContent);
            })
            .catch(function () { /* offline: the coordinates stay shown */ });
    }
    if (lat.value && lon.value) place(L.latLng(Number(lat.value), Number(lon.value)), true);
    map.on("click", function (event) { place(event.latlng, false); });

    window.UchastokMap.offerLocation(function (latlng) { place(latlng, true); });
})();
