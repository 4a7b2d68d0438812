// The workspace's home (issue 18, ADR 0013): copies of the inspector's day, of the files of the day's visits, of his
// register and of his appeals queue, kept encrypted in the workspace store so that he can read them with no network.
// Read-only: what he does about them he records online (or, for protocols, in the protocol workspace, which queues).
//
// While online, each opening refreshes the copies from the API the pages use: GET /api/v1/prevention/day, the
// register (GET /api/v1/prevention/entries, a page at a time, up to MAX_REGISTER rows), each file on the day's list
// (GET /api/v1/prevention/entries/{id}?purpose=offline copy — a read the server logs, so a file is read again only
// when its copy is older than FILE_MAX_AGE or the inspector asks for a refresh) and GET /api/v1/appeals (his queue).
// A copy the server refuses to this account (403, 404: a role without a register, say) is not kept, and its section
// says so; any other failure (a 5xx, a rate limit, the network gone) keeps the copies there are.
// Store kinds: "copy" (ids "day", "register", "appeals", "meta") and "file" (id: the entry's id).

import * as store from "/js/workspace-store.js";

const MAX_REGISTER = 2000;
const REGISTER_PAGE = 200;
const FILE_MAX_AGE_MS = 60 * 60 * 1000;

const app = document.getElementById("wh-app");
const language = app.dataset.language;
const texts = Object.fromEntries(Array.from(document.getElementById("wh-texts").content.querySelectorAll("[data-key]"), s => [s.dataset.key, s.textContent]));
const locale = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" }[language] ?? "ru-RU";
let workspace = null;

function format(text, ...values) {
    return values.reduce((t, v, i) => t.replaceAll(`{${i}}`, String(v)), text);
}

function day(isoDate) {
    // A date without a time is a calendar day: read it at noon UTC so no time zone moves it to the day before.
    const parsed = new Date(`${isoDate}T12:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? isoDate : parsed.toLocaleDateString(locale, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

function moment(iso) {
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : parsed.toLocaleString(locale, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
}

function element(tag, options = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(options)) {
        if (name === "className") node.className = value;
        else if (name === "text") node.textContent = value;
        else node.setAttribute(name, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
}

/** The server could not answer now (a 5xx, a rate limit): the copies already kept stay as they are. */
class CopyFailed extends Error {}

/** The answer's JSON; null when the account may not have it (403, 404: the copy goes); CopyFailed for anything else. */
async function getJson(url) {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
    if (response.status === 401) throw new store.WorkspaceLocked("signedOut");
    if (response.ok) return response.json();
    if (response.status === 403 || response.status === 404) return null;
    throw new CopyFailed(`${url} answered ${response.status}`);
}

// ---- start ----

async function start() {
    showNetwork();
    window.addEventListener("online", () => { showNetwork(); refresh(false).then(render); });
    window.addEventListener("offline", showNetwork);
    store.keepForOffline();
    try {
        workspace = await store.open();
    } catch (error) {
        if (!(error instanceof store.WorkspaceLocked)) throw error;
        return locked(error);
    }
    document.getElementById("wh-refresh").addEventListener("click", async () => {
        await refresh(true);
        await render();
    });
    try {
        await refresh(false);
    } catch (error) {
        if (error instanceof store.WorkspaceLocked) return locked(error);
        throw error;
    }
    await render();
    document.getElementById("wh-loading").hidden = true;
    document.getElementById("wh-content").hidden = false;
}

function locked(error) {
    document.getElementById("wh-loading").hidden = true;
    document.getElementById("wh-content").hidden = true;
    const box = document.getElementById("wh-locked");
    box.textContent = error.reason === "sessionEnded" ? texts.locked : texts.neverOpened;
    box.hidden = false;
}

function showNetwork() {
    const box = document.getElementById("wh-network");
    box.hidden = navigator.onLine;
    box.textContent = navigator.onLine ? "" : texts.offline;
    document.getElementById("wh-refresh").disabled = !navigator.onLine;
}

// ---- copying ----

/** Copies what the server gives now into the store; with no network, or on a network error, keeps the last copies. */
async function refresh(force) {
    if (!navigator.onLine) return;
    const copied = { at: new Date().toISOString(), failed: false };
    try {
        const dayView = await getJson("/api/v1/prevention/day");
        if (dayView) await workspace.put("copy", "day", dayView); else await workspace.remove("copy", "day");
        await copyFiles(dayView, force);
        await copyRegister();
        const appeals = await getJson("/api/v1/appeals");
        if (appeals) await workspace.put("copy", "appeals", appeals); else await workspace.remove("copy", "appeals");
        // The risk zones of his beats this month (issue 20): places only, for the day's patrol.
        // Only an inspector's page has the section (the API answers 400 to anyone else without a beat).
        if (document.getElementById("wh-zones-section")) {
            const zones = await getJson("/api/v1/analytics/risk-zones");
            if (zones) await workspace.put("copy", "riskZones", zones); else await workspace.remove("copy", "riskZones");
        }
    } catch (error) {
        if (!(error instanceof TypeError || error instanceof CopyFailed)) throw error;
        // The network went away halfway, or the server could not answer: what was copied is kept, the rest stays as it was.
        copied.failed = true;
    }
    if (!copied.failed) await workspace.put("copy", "meta", copied);
    else document.getElementById("wh-copied").textContent = texts.copyFailed;
}

/** The files of the day's visits, each read again only when its copy is old (every read is logged) or on request. */
async function copyFiles(dayView, force) {
    const wanted = new Set((dayView?.stops ?? []).map(s => String(s.entryId)));
    const kept = await workspace.list("file");
    for (const { id } of kept) if (!wanted.has(id)) await workspace.remove("file", id);
    const fresh = new Map(kept.map(k => [k.id, Date.parse(k.value.copiedAt)]));
    for (const id of wanted) {
        if (!force && Date.now() - (fresh.get(id) ?? 0) < FILE_MAX_AGE_MS) continue;
        const file = await getJson(`/api/v1/prevention/entries/${encodeURIComponent(id)}?purpose=${encodeURIComponent("offline copy")}`);
        if (file) await workspace.put("file", id, { copiedAt: new Date().toISOString(), file });
        else await workspace.remove("file", id);
    }
}

async function copyRegister() {
    const entries = [];
    let after = null;
    let complete = false;
    while (entries.length < MAX_REGISTER) {
        const page = await getJson(`/api/v1/prevention/entries?take=${REGISTER_PAGE}${after === null ? "" : `&after=${encodeURIComponent(after)}`}`);
        if (!page) {
            await workspace.remove("copy", "register");
            return;
        }
        entries.push(...page.entries);
        after = page.next;
        if (after === null || after === undefined) { complete = true; break; }
    }
    await workspace.put("copy", "register", { entries, complete });
}

// ---- drawing ----

async function render() {
    const meta = await workspace.get("copy", "meta");
    document.getElementById("wh-copied").textContent = meta ? format(texts.copiedAt, moment(meta.at)) : texts.notCopied;
    const queued = await store.pending(workspace.userId);
    const queuedBox = document.getElementById("wh-queued");
    queuedBox.hidden = queued === 0;
    queuedBox.textContent = format(texts.queued, queued);
    await renderDay();
    renderAppeals(await workspace.get("copy", "appeals"));
    renderRiskZones(await workspace.get("copy", "riskZones"));
    renderRegister(await workspace.get("copy", "register"));
}

function none(id, show, text) {
    const box = document.getElementById(id);
    box.hidden = !show;
    box.textContent = show ? text : "";
}

async function renderDay() {
    const dayView = await workspace.get("copy", "day");
    const list = document.getElementById("wh-day");
    list.replaceChildren();
    const stops = dayView?.stops ?? [];
    none("wh-day-none", stops.length === 0, dayView ? texts.dayNone : texts.notCopied);
    const files = new Map((await workspace.list("file")).map(f => [f.id, f.value.file]));
    for (const stop of stops) {
        const due = format(stop.overdue ? texts.overdue : texts.due, day(stop.due));
        const item = element("li", { className: "ws-row", "data-entry": String(stop.entryId) },
            element("p", { className: "ws-row-title" },
                element("strong", { text: `${stop.order}. ${stop.fullName}` }), ` · ${texts[`action.${stop.kind}`] ?? stop.kind}`),
            element("p", { className: stop.overdue ? "overdue" : "muted", text: due }),
            element("p", { text: `${stop.address} · ${stop.beatCode}` }));
        const file = files.get(String(stop.entryId));
        if (file) item.append(fileDetails(file));
        list.append(item);
    }
}

function fileDetails(file) {
    const open = file.plan.filter(a => a.status !== "Done" && a.status !== "Cancelled");
    const plan = element("ul", {}, ...open.map(a => element("li", { text: `${texts[`action.${a.kind}`] ?? a.kind} · ${format(a.status === "Overdue" ? texts.overdue : texts.due, day(a.due))}` })));
    const history = element("ul", {}, ...file.events.slice(-5).map(e =>
        element("li", { text: `${day(e.occurredOn)} · ${texts[`event.${e.kind}`] ?? e.kind}${e.note ? ` — ${e.note}` : ""}` })));
    return element("details", { className: "wh-file" },
        element("summary", { text: texts.file }),
        element("p", { text: `${texts.category}: ${file.category}` }),
        element("p", { text: `${texts.basis}: ${file.basis}` }),
        element("h3", { text: texts.plan }), plan,
        file.events.length > 0 ? element("h3", { text: texts.history }) : null,
        file.events.length > 0 ? history : null);
}

/** Each beat's risk zones: rank, expected share, busiest hours and a map link; the heading says where they come from. */
function renderRiskZones(zones) {
    const list = document.getElementById("wh-zones");
    if (!list) return;
    list.replaceChildren();
    const beats = (zones?.beats ?? []).filter(b => b.zones.length > 0);
    none("wh-zones-none", beats.length === 0, zones ? texts.zonesNone : texts.notCopied);
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    for (const beat of beats) {
        const zonesOfBeat = element("ol", { className: "ws-rows" });
        for (const zone of beat.zones) {
            const hours = zone.hourBands.length > 0 ? ` · ${format(texts.zoneHours, zone.hourBands.join(", "))}` : "";
            zonesOfBeat.append(element("li", { className: "ws-row", "data-zone": String(zone.rank) },
                element("span", { text: format(texts.zone, zone.rank, percent.format(zone.expectedShare)) + hours + " · " }),
                element("a", { href: zone.mapUrl, rel: "noreferrer", text: texts.zoneMap })));
        }
        list.append(element("li", { "data-beat": String(beat.beatId) },
            element("p", { className: "ws-row-title", text: format(beat.source === "suggestion" ? texts.zonesFromSuggestion : texts.zonesFromForecast, beat.beatCode) }),
            zonesOfBeat));
    }
}

function renderAppeals(appeals) {
    const list = document.getElementById("wh-appeals");
    list.replaceChildren();
    none("wh-appeals-none", !appeals || appeals.length === 0, appeals ? texts.appealsNone : texts.notCopied);
    for (const appeal of appeals ?? []) {
        list.append(element("li", { className: "ws-row", "data-appeal": appeal.number },
            element("p", { className: "ws-row-title" }, element("strong", { text: appeal.number }), ` · ${appeal.category}`),
            element("p", { text: `${appeal.stateLabel} · ${format(texts.received, day(appeal.receivedOn))}` }),
            element("p", { className: appeal.overdue ? "overdue" : "muted", text: format(appeal.overdue ? texts.overdue : texts.due, day(appeal.dueDate)) }),
            element("p", { className: "muted", text: appeal.excerpt })));
    }
}

function renderRegister(register) {
    const list = document.getElementById("wh-register");
    list.replaceChildren();
    const entries = register?.entries ?? [];
    none("wh-register-none", entries.length === 0, register ? texts.registerNone : texts.notCopied);
    none("wh-register-partial", !!register && !register.complete, format(texts.registerPartial, entries.length));
    for (const entry of entries) {
        list.append(element("li", { className: "ws-row", "data-entry": String(entry.id) },
            element("p", { className: "ws-row-title" }, element("strong", { text: entry.fullName }), ` · ${entry.category}`),
            element("p", { text: `${entry.address} · ${entry.beatCode}` }),
            entry.nextDue ? element("p", { className: entry.overdue ? "overdue" : "muted", text: format(entry.overdue ? texts.overdue : texts.nextDue, day(entry.nextDue)) }) : null));
    }
}

start();
