// The inspector's day on a map: the stops numbered in route order, joined by a line from the reception
// point. Names and addresses are people's data: they go in as text, never as HTML.
(function () {
    "use strict";
    var element = document.getElementById("day-map");
    if (!element || !window.L || !window.UchastokMap) return;
    var stops = JSON.parse(element.dataset.stops || "[]");
    var map = window.UchastokMap.create(element);
    var path = [];
    if (element.dataset.startLat && element.dataset.startLon) {
        var start = [Number(element.dataset.startLat), Number(element.dataset.startLon)];
        path.push(start);
        L.circleMarker(start, { radius: 6, color: "#1f2933", fillColor: "#ffffff", fillOpacity: 1 }).addTo(map);
    }
    stops.forEach(function (stop) {
        var point = [stop.lat, stop.lon];
        path.push(point);
        var marker = L.circleMarker(point, { radius: 9, color: stop.overdue ? "#9b1c1c" : "#1f4e79", fillColor: stop.overdue ? "#e12d39" : "#2f6fab", fillOpacity: 1 }).addTo(map);
        marker.bindTooltip(window.UchastokMap.text(stop.order + ". " + stop.name + " — " + stop.address));
    });
    if (path.length > 1) L.polyline(path, { color: "#2f6fab", weight: 2, dashArray: "4 6" }).addTo(map);
    if (path.length > 0) map.fitBounds(L.latLngBounds(path).pad(0.2), { maxZoom: 16 });
})();
