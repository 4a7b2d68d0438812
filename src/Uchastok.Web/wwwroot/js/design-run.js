// Follows a design run while it is queued or running: polls the run's JSON every two seconds and
// updates the progress bar and the live region (role=status), without reloading the page. The
// region speaks only when the state changes or another tenth is done, so a screen reader is not
// interrupted every two seconds. When the run ends, the page is loaded once more to show the
// results (by its address, so that a page shown after a form post is not posted again).
(function () {
    "use strict";
    var live = document.getElementById("run-live");
    if (!live || !window.fetch) return;
    var texts = JSON.parse(live.dataset.texts || "{}");
    var bar = document.getElementById("run-progress");
    var state = live.dataset.state;
    var tenth = bar ? Math.floor(bar.value * 10) : -1;
    var unreachable = false;

    function format(template, values) {
        return String(template).replace(/\{(\d+)\}/g, function (_, i) { return values[Number(i)]; });
    }

    function say(text) {
        if (live.textContent !== text) live.textContent = text;
    }

    function show(run) {
        if (run.state !== "queued" && run.state !== "running") {
            say(texts.finished);
            window.location.replace(live.dataset.page);
            return false;
        }
        var percent = Math.floor((run.progress || 0) * 100);
        if (bar) {
            bar.value = run.progress || 0;
            bar.textContent = percent + "%";
        }
        var now = Math.floor(percent / 10);
        if (run.state !== state || now !== tenth || unreachable) {
            say(run.state === "running" ? format(texts.progress, [texts.running, percent]) : texts[run.state]);
            state = run.state;
            tenth = now;
            unreachable = false;
        }
        return true;
    }

    function poll() {
        fetch(live.dataset.poll, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) throw new Error(String(response.status));
                return response.json();
            })
            .then(function (run) {
                if (show(run)) window.setTimeout(poll, 2000);
            })
            .catch(function () {
                // A lost connection or a restarting server: say so once, and keep trying, more slowly.
                if (!unreachable) say(texts.unreachable);
                unreachable = true;
                window.setTimeout(poll, 5000);
            });
    }

    window.setTimeout(poll, 2000);
})();
