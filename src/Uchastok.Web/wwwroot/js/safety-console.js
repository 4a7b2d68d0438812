// The duty console (issue 19). Rows arrive live from the hub /hubs/safety-console (client method "incident"); when
// the hub cannot connect (a proxy that drops WebSockets and long polls, a blocked path) the script polls
// GET /api/v1/safety/console?since=… instead, and after every (re)connection it polls once to catch up with what
// happened while it was away. Rows are replaced by id, and a push older than the row (a lower last step) is dropped.
// The forms acknowledge and close through the API without a reload; without this script they are plain posts.
// Everything people wrote (texts, addresses, names) goes into the page as text, never as HTML, the map's tooltips too.
(function () {
    "use strict";
    var root = document.getElementById("console");
    var list = document.getElementById("console-list");
    if (!root || !list) return;
    var labels = JSON.parse(root.dataset.labels || "{}");
    var status = document.getElementById("console-connection");
    var announce = document.getElementById("console-announce");
    var empty = document.getElementById("console-empty");
    var since = root.dataset.serverTime;
    var pollTimer = null;
    var POLL_EVERY = 3000;

    function label(key) { return labels[key] || key; }
    function format(template) {
        var args = Array.prototype.slice.call(arguments, 1);
        return String(template).replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : String(args[i]); });
    }
    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined && text !== null) node.textContent = String(text);
        return node;
    }
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    // As the server writes a moment: Kazakhstan's time (UTC+5), day.month.year, 24 hours.
    function kzTime(iso) {
        var d = new Date(new Date(iso).getTime() + 5 * 3600 * 1000);
        return pad(d.getUTCDate()) + "." + pad(d.getUTCMonth() + 1) + "." + d.getUTCFullYear() + " " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + " (UTC+5)";
    }
    function age(iso) {
        var seconds = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 1000));
        if (seconds < 60) return format(label("seconds"), seconds);
        if (seconds < 3600) return format(label("minutes"), Math.floor(seconds / 60));
        return format(label("hours"), Math.floor(seconds / 3600));
    }
    function tier(view) { return view.closedAtUtc ? 2 : view.acknowledgedAtUtc ? 1 : 0; }
    var tierNames = ["unacknowledged", "inhand", "closed"];
    function token() {
        var meta = document.querySelector("meta[name='request-verification-token']");
        return meta ? meta.getAttribute("content") : "";
    }

    // --- sound: a short beep on a new unacknowledged incident, once the officer has turned it on (a browser plays
    // nothing before a gesture on the page); remembered for this tab.
    var soundButton = document.getElementById("console-sound");
    var audio = null;
    var soundOn = false;
    try { soundOn = window.sessionStorage.getItem("uchastok-console-sound") === "on"; } catch (e) { soundOn = false; }
    function showSound() {
        soundButton.textContent = soundOn ? label("soundOff") : label("soundOn");
        soundButton.setAttribute("aria-pressed", soundOn ? "true" : "false");
    }
    function ensureAudio() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!audio && Context) audio = new Context();
        if (audio && audio.state === "suspended") audio.resume();
    }
    if (soundButton) {
        soundButton.hidden = false;
        showSound();
        soundButton.addEventListener("click", function () {
            soundOn = !soundOn;
            try { window.sessionStorage.setItem("uchastok-console-sound", soundOn ? "on" : "off"); } catch (e) { /* private mode: for this page only */ }
            if (soundOn) ensureAudio();
            showSound();
        });
        // Remembered from before a reload: the first touch of the page lets the browser play again.
        document.addEventListener("pointerdown", function () { if (soundOn) ensureAudio(); }, { once: true });
    }
    function beep() {
        if (!soundOn || !audio || audio.state !== "running") return;
        var oscillator = audio.createOscillator();
        var gain = audio.createGain();
        oscillator.frequency.value = 880;
        gain.gain.setValueAtTime(0.2, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start();
        oscillator.stop(audio.currentTime + 0.4);
    }

    // --- map
    var map = null, markers = {};
    var mapElement = document.getElementById("console-map");
    if (mapElement && window.L && window.UchastokMap) {
        mapElement.hidden = false;
        map = window.UchastokMap.create(mapElement);
    }
    function place(view) {
        if (!map) return;
        var old = markers[view.id];
        if (old) { old.remove(); delete markers[view.id]; }
        if (view.place.lat === null || view.place.lon === null || view.closedAtUtc) return;
        var marker = L.circleMarker([view.place.lat, view.place.lon], { radius: 9, className: "console-marker tier-" + tierNames[tier(view)] });
        marker.bindTooltip(window.UchastokMap.text(view.reference + " · " + label("category." + view.category)));
        marker.on("click", function () {
            var row = document.getElementById("incident-" + view.id);
            if (row) { row.scrollIntoView({ block: "center" }); row.focus(); }
        });
        marker.addTo(map);
        markers[view.id] = marker;
    }

    // --- rows, the same markup as Pages/Safety/_ConsoleIncident.cshtml
    function form(view, handler, className) {
        var f = el("form", className);
        f.method = "post";
        f.action = "/safety/console?handler=" + handler;
        var anti = el("input");
        anti.type = "hidden"; anti.name = "__RequestVerificationToken"; anti.value = token();
        var id = el("input");
        id.type = "hidden"; id.name = "id"; id.value = String(view.id);
        f.appendChild(anti);
        f.appendChild(id);
        return f;
    }
    function render(view) {
        var acknowledged = !!view.acknowledgedAtUtc, closed = !!view.closedAtUtc;
        var li = el("li", "card console-incident tier-" + tierNames[tier(view)]);
        li.id = "incident-" + view.id;
        li.tabIndex = -1;
        li.dataset.id = view.id;
        li.dataset.status = view.status;
        li.dataset.step = view.lastStep.id;
        li.dataset.reference = view.reference;
        li.dataset.received = view.receivedAtUtc;

        var h2 = el("h2");
        h2.appendChild(el("span", "console-kind kind-" + view.kind, label("kind." + view.kind)));
        h2.appendChild(document.createTextNode(" "));
        h2.appendChild(el("span", "console-category", label("category." + view.category)));
        h2.appendChild(document.createTextNode(" "));
        h2.appendChild(el("span", "console-status status-" + view.status, label("status." + view.status)));
        li.appendChild(h2);

        var when = el("p", "muted");
        var time = el("time", null, kzTime(view.receivedAtUtc));
        time.dateTime = view.receivedAtUtc;
        when.appendChild(time);
        when.appendChild(document.createTextNode(" · "));
        var ageSpan = el("span", "console-age", age(view.receivedAtUtc));
        ageSpan.dataset.since = view.receivedAtUtc;
        when.appendChild(ageSpan);
        when.appendChild(document.createTextNode(" · "));
        when.appendChild(el("span", "console-reference", view.reference));
        li.appendChild(when);

        var where = el("p", "place");
        where.appendChild(el("span", null, view.place.address || label("noPlace")));
        if (view.beat) where.appendChild(el("span", null, " · " + format(label("beat"), view.beat.code)));
        if (view.district) where.appendChild(el("span", null, " · " + view.district.name));
        li.appendChild(where);
        if (view.text) li.appendChild(el("p", "report-text", view.text));

        var links = el("p", "console-links");
        if (view.photoUrl) { var photo = el("a", "photo-link", label("photo")); photo.href = view.photoUrl; links.appendChild(photo); links.appendChild(document.createTextNode(" ")); }
        if (view.mediaUrl) { var media = el("a", "media-link", label("media")); media.href = view.mediaUrl; links.appendChild(media); links.appendChild(document.createTextNode(" ")); }
        // An alarm comes from a registered device, not a resident: signed or anonymous says nothing there.
        if (view.kind !== "alarm") links.appendChild(el("span", "muted", view.signed ? label("signed") : label("anonymous")));
        li.appendChild(links);

        var owner = el("p", "console-owner");
        if (view.escalationLevel > 0 && !acknowledged) owner.appendChild(el("span", "console-escalated", format(label("escalatedLevel"), view.escalationLevel)));
        if (acknowledged) owner.appendChild(el("span", "console-taken", format(label("takenBy"), view.acknowledgedBy || "—", kzTime(view.acknowledgedAtUtc))));
        if (closed) {
            owner.appendChild(el("span", "console-outcome", format(label("closedWith"), label("outcome." + view.outcome))));
            if (view.patrol) owner.appendChild(el("span", null, " · " + format(label("patrol"), view.patrol)));
            if (view.appealNumber) owner.appendChild(el("span", null, " · " + format(label("appeal"), view.appealNumber)));
        }
        li.appendChild(owner);
        var error = el("p", "field-error console-error");
        error.setAttribute("role", "alert");
        error.hidden = true;
        li.appendChild(error);

        if (!acknowledged && !closed) {
            var ack = form(view, "Acknowledge", "console-ack");
            ack.appendChild(el("button", null, label("acknowledge")));
            li.appendChild(ack);
        }
        if (acknowledged && !closed) {
            var close = form(view, "Close", "console-close");
            var outcomeLabel = el("label", null, label("outcomeLabel"));
            outcomeLabel.htmlFor = "outcome-" + view.id;
            var select = el("select");
            select.name = "outcome"; select.id = "outcome-" + view.id; select.required = true;
            var none = el("option", null, label("chooseOutcome"));
            none.value = "";
            select.appendChild(none);
            ["patrol-sent", "passed-to-inspector", "became-appeal", "no-offence"].forEach(function (code) {
                var option = el("option", null, label("outcome." + code));
                option.value = code;
                select.appendChild(option);
            });
            var patrolLabel = el("label", null, label("patrolLabel"));
            patrolLabel.htmlFor = "patrol-" + view.id;
            var patrol = el("input");
            patrol.type = "text"; patrol.name = "patrol"; patrol.id = "patrol-" + view.id; patrol.maxLength = 100; patrol.autocomplete = "off";
            close.appendChild(outcomeLabel);
            close.appendChild(select);
            close.appendChild(patrolLabel);
            close.appendChild(patrol);
            close.appendChild(el("p", "muted", label("appealHint")));
            close.appendChild(el("button", null, label("close")));
            li.appendChild(close);
        }

        var trail = el("details", "console-trail");
        trail.appendChild(el("summary", null, label("trail")));
        var steps = el("ol");
        (view.trail || []).forEach(function (step) {
            var item = el("li");
            var at = el("time", null, kzTime(step.atUtc));
            at.dateTime = step.atUtc;
            item.appendChild(at);
            var what = " — " + label("step." + step.step);
            if (step.step === "closed" && step.note) what += ": " + label("outcome." + step.note);
            else if (step.step === "escalated" && step.note) what += " " + step.note;
            item.appendChild(document.createTextNode(what));
            if (step.by) item.appendChild(el("span", "muted", " · " + step.by));
            steps.appendChild(item);
        });
        trail.appendChild(steps);
        li.appendChild(trail);
        return li;
    }

    // Where a row goes: the unacknowledged first, then those in hand, then the closed; newest first in each.
    function key(row) {
        var t = row.classList.contains("tier-closed") ? 2 : row.classList.contains("tier-inhand") ? 1 : 0;
        var received = row.dataset.received || (row.querySelector("time") || {}).dateTime || "";
        return { tier: t, received: new Date(received).getTime(), id: Number(row.dataset.id) };
    }
    function before(a, b) {
        if (a.tier !== b.tier) return a.tier < b.tier;
        if (a.received !== b.received) return a.received > b.received;
        return a.id > b.id;
    }

    function upsert(view, quiet) {
        var existing = document.getElementById("incident-" + view.id);
        if (existing && Number(existing.dataset.step) > view.lastStep.id) return;
        var row = render(view);
        var open = existing ? existing.querySelector("details[open]") : null;
        if (open) row.querySelector("details").open = true;
        if (existing) existing.remove();
        var mine = key(row);
        var next = null;
        Array.prototype.some.call(list.children, function (other) {
            if (before(mine, key(other))) { next = other; return true; }
            return false;
        });
        list.insertBefore(row, next);
        if (empty) empty.hidden = true;
        place(view);
        if (!existing && !quiet && tier(view) === 0) {
            beep();
            if (announce) announce.textContent = format(label("newIncident"), view.reference, label("category." + view.category));
        }
    }

    // --- the actions through the API: the answer is the incident as it now stands, or why not (a 409 names who took it).
    list.addEventListener("submit", function (event) {
        var f = event.target;
        if (!f.classList || !(f.classList.contains("console-ack") || f.classList.contains("console-close"))) return;
        event.preventDefault();
        var id = f.querySelector("input[name='id']").value;
        var row = document.getElementById("incident-" + id);
        var error = row ? row.querySelector(".console-error") : null;
        var body = null;
        var url = "/api/v1/safety/incidents/" + encodeURIComponent(id) + (f.classList.contains("console-ack") ? "/acknowledge" : "/close");
        if (f.classList.contains("console-close")) body = JSON.stringify({ outcome: f.elements.outcome.value, patrol: f.elements.patrol.value });
        var button = f.querySelector("button");
        if (button) button.disabled = true;
        fetch(url, {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": token() },
            body: body || "{}"
        }).then(function (response) {
            return response.json().catch(function () { return null; }).then(function (json) { return { ok: response.ok, json: json }; });
        }).then(function (result) {
            if (result.ok && result.json) { upsert(result.json, true); return; }
            if (button) button.disabled = false;
            var problem = result.json || {};
            var message = problem.detail || "";
            if (problem.errors) message = Object.keys(problem.errors).map(function (k) { return problem.errors[k].join(" "); }).join(" ");
            if (error) { error.textContent = message || label("failed"); error.hidden = false; }
            // Taken or closed by someone else: show the incident as it stands.
            if (problem.status === 409) poll();
        }).catch(function () {
            if (button) button.disabled = false;
            if (error) { error.textContent = label("failed"); error.hidden = false; }
        });
    });

    // --- polling, the fallback and the catch-up
    function poll() {
        var url = "/api/v1/safety/console" + (since ? "?since=" + encodeURIComponent(since) : "");
        return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (page) {
                if (!page) return;
                page.incidents.forEach(function (view) { upsert(view, false); });
                since = page.serverTimeUtc;
            })
            .catch(function () { /* the next poll tries again */ });
    }
    function startPolling() {
        status.textContent = label("polling");
        root.dataset.mode = "polling";
        if (pollTimer) return;
        poll();
        pollTimer = window.setInterval(poll, POLL_EVERY);
    }
    function stopPolling() {
        if (pollTimer) window.clearInterval(pollTimer);
        pollTimer = null;
    }

    // The rows the server drew: onto the map, and ordered keys for the rows to come.
    Array.prototype.forEach.call(list.children, function (row) {
        row.tabIndex = -1;
        var time = row.querySelector("time");
        if (time) row.dataset.received = time.dateTime;
        if (map && row.dataset.lat && row.dataset.lon && !row.classList.contains("tier-closed")) {
            var marker = L.circleMarker([Number(row.dataset.lat), Number(row.dataset.lon)], { radius: 9, className: "console-marker " + row.className.split(" ").filter(function (c) { return c.indexOf("tier-") === 0; })[0] });
            var category = row.querySelector(".console-category");
            marker.bindTooltip(window.UchastokMap.text(row.dataset.reference + " · " + (category ? category.textContent : "")));
            marker.on("click", function () { row.scrollIntoView({ block: "center" }); row.focus(); });
            marker.addTo(map);
            markers[row.dataset.id] = marker;
        }
    });
    window.setInterval(function () {
        Array.prototype.forEach.call(list.querySelectorAll(".console-age"), function (span) { span.textContent = age(span.dataset.since); });
    }, 15000);

    // --- the hub
    if (!window.signalR) { startPolling(); return; }
    var connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/safety-console")
        .withAutomaticReconnect()
        .configureLogging(signalR.LogLevel.None)
        .build();
    connection.on("incident", function (view) { upsert(view, false); });
    connection.onreconnecting(function () { status.textContent = label("offline"); root.dataset.mode = "offline"; });
    connection.onreconnected(function () {
        status.textContent = label("live");
        root.dataset.mode = "live";
        stopPolling();
        poll();
    });
    connection.onclose(function () { startPolling(); });
    connection.start().then(function () {
        status.textContent = label("live");
        root.dataset.mode = "live";
        // What happened between drawing the page and connecting.
        poll();
    }).catch(function () { startPolling(); });
})();
