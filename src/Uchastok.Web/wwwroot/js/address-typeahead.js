// Suggestions while an address is typed: street names until a house number is typed, then the
// gazetteer's addresses. They fill the field's <datalist>, which browsers and screen readers offer
// as a list of their own; the form works the same without them.
(function () {
    "use strict";
    document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        if (!list) return;
        var timer = null, asked = "";
        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var typed = input.value.trim();
            if (typed.length < 2 || typed === asked) return;
            timer = window.setTimeout(function () {
                asked = typed;
                var url = (/\d/.test(typed) ? "/api/v1/addresses?q=" : "/api/v1/streets?q=") + encodeURIComponent(typed);
                fetch(url, { headers: { "Accept": "application/json" } })
                    .then(function (response) { return response.ok ? response.json() : []; })
                    .then(function (hits) {
                        if (input.value.trim() !== typed) return;
                        list.replaceChildren.apply(list, hits.map(function (hit) {
                            var option = document.createElement("option");
                            option.value = hit.line || hit.name;
                            return option;
                        }));
                    })
                    .catch(function () { /* offline: the plain search still works */ });
            }, 250);
        });
    });
})();
