// Small helpers every page may use, loaded deferred: copy and share a private link.
(function () {
    "use strict";
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
            var field = document.querySelector(button.dataset.copy);
            var status = button.closest(".private-link") && button.closest(".private-link").querySelector(".private-link-status");
            function done() { if (status) status.textContent = button.dataset.copied || ""; }
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
            } else {
                // Without a secure context the clipboard API is missing: select the text, and the copy command does the rest.
                field.select();
                try { if (document.execCommand("copy")) done(); } catch (e) { /* the text stays selected for a long press */ }
            }
        });
    });
    if (navigator.share) {
        document.querySelectorAll("[data-share]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                var field = document.querySelector(button.dataset.share);
                navigator.share({ title: document.title, url: field.value }).catch(function () { /* the person closed the sheet */ });
            });
        });
    }
})();
