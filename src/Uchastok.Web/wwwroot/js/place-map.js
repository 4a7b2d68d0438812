// The place of an appeal on a small map: the pin where the resident put it, at street zoom. Looking only, no taps.
(function () {
    "use strict";
    var element = document.getElementById("appeal-place-map");
    if (!element || !window.L || !window.UchastokMap) return;
    var point = element.dataset.point.split(",").map(Number);
    var map = window.UchastokMap.create(element);
    map.setView(point, 16);
    L.circleMarker(point, { radius: 8, color: "#9b1c1c", fillColor: "#e12d39", fillOpacity: 1, className: "appeal-pin" }).addTo(map);
})();
