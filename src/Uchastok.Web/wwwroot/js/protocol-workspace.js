// The inspector's protocol workspace (issue 18): drafting, checking and signing protocols on a tablet with or without
// network, and sending them when it returns. The page (Pages/Protocols/Workspace.cshtml) holds the labels; this
// script holds no rules of its own: whether a protocol may be signed is decided by protocol-rules.js over the rule
// set the server gives (GET /api/v1/protocols/rules), kept encrypted in the workspace store for offline use.
//
// What the store holds for the account: "rules" (the rule set, the texts of its codes, the drafter's block), "draft"
// (the protocol being written, saved as one types — drafts stay on the tablet and are not synced: a draft is sent
// once, signed, so the server never holds half a protocol with the person's data in it), "queue" (signed items not
// yet answered by the server), "attention" (items the server refused, found in conflict or invalid) and "signed"
// (what the server accepted: its id and hash, for the links).

import * as store from "/js/workspace-store.js";
import { checkSigners, evaluate, sha256Hex } from "/js/protocol-rules.js";

const SIGNER_ORDER = ["drafter", "person", "witness1", "witness2", "owner", "representative"];
const MAX_SIGNATURE_BYTES = 64 * 1024;

const app = document.getElementById("ws-app");
const form = document.getElementById("ws-form");
const typeSelect = document.getElementById("ws-type");
const language = app.dataset.language;
const texts = Object.fromEntries(Array.from(document.getElementById("ws-texts").content.querySelectorAll("[data-key]"), s => [s.dataset.key, s.textContent]));

let workspace = null;
let rules = null;
let current = null; // { clientId, type }
let saveTimer = 0;
let syncing = null;

function format(text, ...values) {
    return values.reduce((t, v, i) => t.replaceAll(`{${i}}`, String(v)), text);
}

function nameOf(entry) {
    return entry?.names?.[language] ?? entry?.names?.ru ?? entry?.code ?? "";
}

function typeOf(code) {
    return rules.ruleSet.types.find(t => t.code === code);
}

function token() {
    return document.querySelector("meta[name=request-verification-token]")?.content ?? "";
}

// ---- start ----

async function start() {
    showNetwork();
    window.addEventListener("online", () => { showNetwork(); sync(); });
    window.addEventListener("offline", showNetwork);
    store.keepForOffline();
    try {
        workspace = await store.open();
    } catch (error) {
        if (!(error instanceof store.WorkspaceLocked)) throw error;
        locked(error.reason === "sessionEnded" ? texts.locked : texts.noRules);
        return;
    }
    rules = await loadRules();
    if (!rules) {
        locked(texts.noRules);
        return;
    }
    fillLists();
    bindForm();
    const drafts = (await workspace.list("draft")).sort((a, b) => (b.value.updatedAt ?? "").localeCompare(a.value.updatedAt ?? ""));
    if (drafts.length > 0) load(drafts[0].value.clientId, drafts[0].value.type, drafts[0].value.document);
    else newDraft();
    document.getElementById("ws-loading").hidden = true;
    document.getElementById("ws-queue-section").hidden = false;
    form.hidden = false;
    const others = await workspace.othersWaiting();
    const other = document.getElementById("ws-other");
    other.hidden = others === 0;
    other.textContent = format(texts.other, others);
    await renderQueue();
    await sync();
}

function locked(message) {
    document.getElementById("ws-loading").hidden = true;
    const box = document.getElementById("ws-locked");
    box.textContent = message;
    box.hidden = false;
}

function showNetwork() {
    const box = document.getElementById("ws-network");
    box.hidden = navigator.onLine;
    box.textContent = navigator.onLine ? "" : texts.offline;
}

async function loadRules() {
    if (navigator.onLine) {
        try {
            const response = await fetch("/api/v1/protocols/rules", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
            if (response.ok) {
                const fresh = await response.json();
                await workspace.put("rules", "current", fresh);
                return fresh;
            }
        } catch (error) {
            if (!(error instanceof TypeError)) throw error;
        }
    }
    const kept = (await workspace.get("rules", "current")) ?? null;
    if (!kept) return null;
    // A copy kept by an older release may no longer pass this release's checks: offline, that is no rules at all
    // (the page says to go online once), never a workspace that fails at its first check.
    try {
        checkSigners(kept.ruleSet);
    } catch {
        return null;
    }
    return kept;
}

function fillLists() {
    for (const type of rules.ruleSet.types) typeSelect.append(new Option(nameOf(type), type.code));
    for (const select of form.querySelectorAll("select[data-list]")) fillList(select);
    const drafter = rules.drafter;
    const line = document.getElementById("ws-drafter");
    line.textContent = drafter ? format(texts.drafter, `${drafter.position}, ${drafter.surnameInitials}`) : "";
    line.tabIndex = -1;
}

function fillList(select) {
    const list = rules.ruleSet.lists[select.dataset.list];
    if (!list) return;
    for (const entry of list.values) select.append(new Option(nameOf(entry), entry.code));
}

// ---- the form and its document ----

function bindForm() {
    typeSelect.addEventListener("change", () => { showType(); saveSoon(); clearFindings(); });
    form.addEventListener("input", event => { if (event.target.matches("[data-field=kind]")) showKind(event.target.closest(".ws-row")); saveSoon(); });
    form.addEventListener("change", event => { if (event.target.matches("[data-field=kind]")) showKind(event.target.closest(".ws-row")); saveSoon(); });
    for (const button of form.querySelectorAll("[data-add]")) {
        button.addEventListener("click", () => {
            const row = addRow(button.dataset.add, {});
            row.querySelector("input:not([type=hidden]), select")?.focus();
            saveSoon();
        });
    }
    document.getElementById("ws-check").addEventListener("click", () => check(true));
    document.getElementById("ws-sign").addEventListener("click", startSigning);
    document.getElementById("ws-confirm").addEventListener("click", confirmSigning);
    document.getElementById("ws-sync").addEventListener("click", () => sync());
    document.getElementById("ws-new").addEventListener("click", () => newDraft());
    drawingPad(document.getElementById("ws-addendum-pad"));
    document.getElementById("ws-addendum-clear").addEventListener("click", () => clearPad(document.getElementById("ws-addendum-pad")));
    document.getElementById("ws-addendum-cancel").addEventListener("click", closeAddendum);
    document.getElementById("ws-addendum-sign").addEventListener("click", signAddendum);
}

function newDraft() {
    load(crypto.randomUUID(), rules.ruleSet.types[0].code, {});
}

function load(clientId, type, document_) {
    current = { clientId, type };
    typeSelect.value = type;
    writeDocument(document_ ?? {});
    showType();
    clearFindings();
    hideSigning();
}

function showType() {
    current.type = typeSelect.value;
    for (const element of form.querySelectorAll("[data-types]")) element.hidden = !element.dataset.types.split(" ").includes(current.type);
}

function showKind(row) {
    if (!row) return;
    const kind = row.querySelector("[data-field=kind]")?.value;
    for (const field of row.querySelectorAll("[data-when-kind]")) field.hidden = field.dataset.whenKind !== kind;
}

function visible(element) {
    return !element.closest("[hidden]");
}

function setPath(target, path, value) {
    const names = path.split(".");
    let at = target;
    for (const name of names.slice(0, -1)) {
        if (typeof at[name] !== "object" || at[name] === null) at[name] = {};
        at = at[name];
    }
    at[names[names.length - 1]] = value;
}

function getPath(source, path) {
    return path.split(".").reduce((at, name) => (at && typeof at === "object" ? at[name] : undefined), source);
}

/** The datetime-local text with the tablet's offset: "2026-12-06T14:30" → "2026-12-06T14:30:00+05:00". */
function withOffset(local) {
    const minutes = -new Date(local).getTimezoneOffset();
    const sign = minutes >= 0 ? "+" : "-";
    const abs = Math.abs(minutes);
    return `${local.length === 16 ? local + ":00" : local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function valueOf(input) {
    const kind = input.dataset.kind;
    if (input.dataset.fixed) return input.dataset.fixed;
    if (kind === "bool") return input.checked ? true : (input.dataset.always !== undefined ? false : undefined);
    const text = input.value.trim();
    if (text === "") return undefined;
    if (kind === "int") {
        const number = Number(text);
        return Number.isSafeInteger(number) ? number : text;
    }
    if (kind === "datetime") return withOffset(text);
    return text;
}

function show(input, value) {
    if (input.dataset.fixed) return;
    if (input.dataset.kind === "bool") input.checked = value === true;
    else if (input.dataset.kind === "datetime") input.value = typeof value === "string" ? value.slice(0, 16) : "";
    else input.value = value === undefined || value === null ? "" : String(value);
}

/** The document the form says, for the chosen type only: fields left empty are left out. */
function readDocument() {
    const document_ = {};
    for (const input of form.querySelectorAll("[data-path]")) {
        if (input.closest(".ws-row") || !visible(input)) continue;
        const value = valueOf(input);
        if (value !== undefined) setPath(document_, input.dataset.path, value);
    }
    for (const list of form.querySelectorAll("[data-list-path]")) {
        if (!visible(list)) continue;
        const rows = Array.from(list.querySelectorAll(".ws-row"), row => {
            const element = {};
            for (const input of row.querySelectorAll("[data-field]")) {
                if (input.closest("[hidden]") && !input.dataset.fixed) continue;
                const value = valueOf(input);
                if (value !== undefined) element[input.dataset.field] = value;
            }
            return element;
        });
        if (rows.length > 0) document_[list.dataset.listPath] = rows;
    }
    return document_;
}

function writeDocument(document_) {
    for (const input of form.querySelectorAll("[data-path]")) if (!input.closest(".ws-row")) show(input, getPath(document_, input.dataset.path));
    for (const list of form.querySelectorAll("[data-list-path]")) {
        list.querySelector(".ws-rows").replaceChildren();
        for (const element of Array.isArray(document_[list.dataset.listPath]) ? document_[list.dataset.listPath] : []) addRow(list.dataset.listPath, element);
    }
}

function addRow(listPath, element) {
    const rows = document.getElementById(`ws-${listPath}`);
    const row = document.getElementById(`tpl-${listPath}`).content.firstElementChild.cloneNode(true);
    rows.append(row);
    for (const select of row.querySelectorAll("select[data-list]")) fillList(select);
    for (const input of row.querySelectorAll("[data-field]")) show(input, element[input.dataset.field]);
    row.querySelector("[data-remove]").addEventListener("click", () => {
        row.remove();
        numberRows(listPath);
        saveSoon();
        document.querySelector(`[data-add=${listPath}]`).focus();
    });
    numberRows(listPath);
    showKind(row);
    return row;
}

/** Numbers the rows of a list and gives every field an id its label points at, after any row is added or removed. */
function numberRows(listPath) {
    document.querySelectorAll(`#ws-${listPath} > .ws-row`).forEach((row, index) => {
        const title = row.querySelector(".ws-row-title");
        title.textContent = format(title.dataset.title, index + 1);
        for (const input of row.querySelectorAll("[data-field]")) input.id = `ws-${listPath}-${index}-${input.dataset.field}`;
        for (const label of row.querySelectorAll("label[data-for]")) label.htmlFor = `ws-${listPath}-${index}-${label.dataset.for}`;
        row.querySelector("[data-remove]").setAttribute("aria-label", `${row.querySelector("[data-remove]").textContent.trim()}: ${title.textContent}`);
    });
}

function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, 300);
}

async function saveDraft() {
    if (!current) return;
    const updatedAt = new Date().toISOString();
    await workspace.put("draft", current.clientId, { clientId: current.clientId, type: current.type, document: readDocument(), updatedAt });
    document.getElementById("ws-saved").textContent = format(texts.saved, new Date(updatedAt).toLocaleTimeString(language));
}

// ---- checking ----

/**
 * The document as it will be hashed and sent: the form's, with the drafter's block the server gave — the whole block, as
 * the server stores it (position, surname and initials, position code), or the hashes would differ.
 */
function documentToSign() {
    const document_ = readDocument();
    if (rules.drafter) document_.drafter = { ...rules.drafter };
    return document_;
}

function check(focus) {
    const result = evaluate(rules.ruleSet, current.type, documentToSign());
    const findings = [
        ...result.missing.map(f => ({ ...f, text: rules.texts.missing[f.code] ?? f.code })),
        ...result.refused.map(f => ({ ...f, text: rules.texts.refused[f.code] ?? f.code })),
    ];
    showFindings(findings, focus);
    document.getElementById("ws-may-sign").hidden = findings.length > 0;
    return findings.length === 0;
}

function clearFindings() {
    for (const field of form.querySelectorAll("[aria-invalid]")) {
        field.removeAttribute("aria-invalid");
        const hint = field.getAttribute("aria-describedby")?.split(" ").filter(id => !id.endsWith("-error")).join(" ");
        if (hint) field.setAttribute("aria-describedby", hint); else field.removeAttribute("aria-describedby");
    }
    for (const error of form.querySelectorAll(".field-error.ws-error")) error.remove();
    const box = document.getElementById("ws-findings");
    box.hidden = true;
    box.querySelector("ul").replaceChildren();
    document.getElementById("ws-may-sign").hidden = true;
}

/** The field a finding belongs to: in its list row when it has a path, by the codes each field declares. */
function fieldFor(finding) {
    const rowMatch = /^(\w+)\[(\d+)\]$/.exec(finding.path ?? "");
    const scope = rowMatch ? document.querySelectorAll(`#ws-${rowMatch[1]} > .ws-row`)[Number(rowMatch[2])] : form;
    if (!scope) return null;
    const candidates = Array.from(scope.querySelectorAll("[data-codes]")).filter(e => visible(e) && (rowMatch || !e.closest(".ws-row")));
    const found = candidates.find(e => e.dataset.codes.split(" ").includes(finding.code));
    if (found) return found;
    if (rowMatch) return scope.querySelector("input:not([type=hidden]), select");
    if (finding.code.startsWith("drafter.")) return document.getElementById("ws-drafter");
    return null;
}

function showFindings(findings, focus) {
    clearFindings();
    if (findings.length === 0) return;
    const box = document.getElementById("ws-findings");
    const list = box.querySelector("ul");
    for (const finding of findings) {
        const field = fieldFor(finding);
        const row = field?.closest(".ws-row");
        const text = row ? `${row.querySelector(".ws-row-title").textContent}: ${finding.text}` : finding.text;
        const item = document.createElement("li");
        item.dataset.code = finding.code;
        if (field && field.id) {
            const link = document.createElement("a");
            link.href = `#${field.id}`;
            link.textContent = text;
            link.addEventListener("click", event => { event.preventDefault(); field.focus(); field.scrollIntoView({ block: "center" }); });
            item.append(link);
            markField(field, finding.text);
        } else item.textContent = text;
        list.append(item);
    }
    box.hidden = false;
    if (focus) box.focus();
}

function markField(field, text) {
    if (field.tagName === "P") return;
    const errorId = `${field.id}-error`;
    let error = document.getElementById(errorId);
    if (!error) {
        error = document.createElement("p");
        error.className = "field-error ws-error";
        error.id = errorId;
        (field.closest(".ws-field") ?? field).after(error);
    }
    error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
    field.setAttribute("aria-invalid", "true");
    const described = new Set((field.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
    described.add(errorId);
    field.setAttribute("aria-describedby", [...described].join(" "));
}

// ---- signing ----

function signersOf(type) {
    const signers = typeOf(type)?.signers;
    return { required: signers?.required ?? ["drafter"], mayRefuse: signers?.mayRefuse ?? [] };
}

function hideSigning() {
    document.getElementById("ws-signing").hidden = true;
    document.getElementById("ws-signers").replaceChildren();
    document.getElementById("ws-sign-errors").hidden = true;
}

function startSigning() {
    hideSigning();
    if (!check(true)) return;
    const { required, mayRefuse } = signersOf(current.type);
    const holder = document.getElementById("ws-signers");
    const document_ = readDocument();
    for (const role of [...required].sort((a, b) => SIGNER_ORDER.indexOf(a) - SIGNER_ORDER.indexOf(b))) {
        const signer = document.getElementById("tpl-signer").content.firstElementChild.cloneNode(true);
        signer.dataset.role = role;
        const witness = /^witness(\d)$/.exec(role);
        const who = witness ? document_.witnesses?.[Number(witness[1]) - 1] : role === "person" ? { surname: document_.person?.fullName } : null;
        signer.querySelector("legend").textContent = [texts[`signer.${role}`] ?? role, who?.surname].filter(Boolean).join(" — ");
        const pad = signer.querySelector("canvas");
        pad.id = `ws-pad-${role}`;
        pad.setAttribute("aria-label", format(texts.pad, signer.querySelector("legend").textContent));
        drawingPad(pad);
        signer.querySelector("[data-clear]").addEventListener("click", () => clearPad(pad));
        if (mayRefuse.includes(role)) {
            const refusal = signer.querySelector(".ws-refusal");
            refusal.hidden = false;
            const box = refusal.querySelector("[data-refused]");
            box.id = `ws-refused-${role}`;
            refusal.querySelector("[data-for-refused]").htmlFor = box.id;
            const reason = refusal.querySelector("[data-reason]");
            reason.id = `ws-reason-${role}`;
            refusal.querySelector("[data-for-reason]").htmlFor = reason.id;
        }
        holder.append(signer);
    }
    const section = document.getElementById("ws-signing");
    section.hidden = false;
    document.getElementById("ws-signing-title").focus();
}

function drawingPad(canvas) {
    const context = canvas.getContext("2d");
    context.lineWidth = 2.5;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#111";
    let last = null;
    const at = event => {
        const box = canvas.getBoundingClientRect();
        return { x: (event.clientX - box.left) * canvas.width / box.width, y: (event.clientY - box.top) * canvas.height / box.height };
    };
    canvas.addEventListener("pointerdown", event => {
        event.preventDefault();
        canvas.setPointerCapture(event.pointerId);
        last = at(event);
        context.beginPath();
        context.arc(last.x, last.y, 1, 0, Math.PI * 2);
        context.fillStyle = "#111";
        context.fill();
        canvas.dataset.drawn = "1";
    });
    canvas.addEventListener("pointermove", event => {
        if (!last) return;
        const point = at(event);
        context.beginPath();
        context.moveTo(last.x, last.y);
        context.lineTo(point.x, point.y);
        context.stroke();
        last = point;
    });
    const end = () => { last = null; };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
}

function clearPad(canvas) {
    canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
    delete canvas.dataset.drawn;
}

function bytesOfDataUrl(url) {
    return Uint8Array.from(atob(url.slice(url.indexOf(",") + 1)), c => c.charCodeAt(0));
}

async function hex(bytes) {
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, "0")).join("");
}

async function confirmSigning() {
    const errors = [];
    const signatures = [];
    for (const signer of document.querySelectorAll("#ws-signers > .ws-signer")) {
        const role = signer.dataset.role;
        const label = signer.querySelector("legend").textContent;
        const refused = signer.querySelector("[data-refused]");
        if (refused && !signer.querySelector(".ws-refusal").hidden && refused.checked) {
            const reason = signer.querySelector("[data-reason]").value.trim();
            if (!reason) errors.push(format(texts.signEmpty, label));
            else signatures.push({ role, refused: true, reason });
            continue;
        }
        const pad = signer.querySelector("canvas");
        if (!pad.dataset.drawn) { errors.push(format(texts.signEmpty, label)); continue; }
        const url = pad.toDataURL("image/png");
        const bytes = bytesOfDataUrl(url);
        if (bytes.length > MAX_SIGNATURE_BYTES) { errors.push(format(texts.signTooLarge, label)); continue; }
        signatures.push({ role, image: url.slice(url.indexOf(",") + 1), imageSha256: await hex(bytes) });
    }
    const box = document.getElementById("ws-sign-errors");
    if (errors.length > 0) {
        box.replaceChildren(...errors.map(text => Object.assign(document.createElement("p"), { textContent: text })));
        box.hidden = false;
        return;
    }
    box.hidden = true;
    if (!check(true)) { hideSigning(); return; }
    const type = current.type;
    const document_ = documentToSign();
    signatures.sort((a, b) => SIGNER_ORDER.indexOf(a.role) - SIGNER_ORDER.indexOf(b.role));
    // Exactly the object the Protocols README names: type, document, signatures (role and image hash, or the refusal).
    const sha256 = await sha256Hex({
        type, document: document_,
        signatures: signatures.map(s => (s.refused ? { role: s.role, refused: true, reason: s.reason } : { role: s.role, imageSha256: s.imageSha256 })),
    });
    const item = {
        kind: "signed", clientId: current.clientId, type, document: document_, sha256,
        signatures: signatures.map(s => (s.refused ? { role: s.role, refused: true, reason: s.reason } : { role: s.role, image: s.image })),
    };
    await workspace.put(store.QUEUE, current.clientId, { item, state: "queued", queuedAt: new Date().toISOString() });
    await workspace.remove("draft", current.clientId);
    await workspace.remove("attention", current.clientId);
    showHash(sha256);
    newDraft();
    await renderQueue();
    await sync();
}

function showHash(sha256) {
    document.getElementById("ws-hash-value").textContent = sha256;
    document.getElementById("ws-hash").hidden = false;
}

// ---- the queue and its sync ----

/** Sends what is queued, once at a time; each item stays queued until the server has answered it. */
function sync() {
    if (!syncing) syncing = syncOnce().finally(() => { syncing = null; });
    return syncing;
}

async function syncOnce() {
    if (!workspace || !navigator.onLine) { await renderQueue(); return; }
    // In the order queued: a protocol and its addendum in one batch must reach the server in that order.
    const queued = (await workspace.list(store.QUEUE)).sort((a, b) => (a.value.queuedAt ?? "").localeCompare(b.value.queuedAt ?? ""));
    if (queued.length === 0) return;
    for (const { id, value } of queued) await workspace.put(store.QUEUE, id, { ...value, state: "sending" });
    await renderQueue();
    let answer = null;
    try {
        const response = await fetch("/api/v1/protocols/sync", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token() },
            body: JSON.stringify({ items: queued.map(q => q.value.item) }),
        });
        if (response.ok) answer = await response.json();
    } catch (error) {
        if (!(error instanceof TypeError)) throw error;
    }
    if (!answer) {
        for (const { id, value } of queued) await workspace.put(store.QUEUE, id, { ...value, state: "queued", failed: true });
        await renderQueue();
        return;
    }
    for (const outcome of answer.items) {
        const entry = queued.find(q => q.id === outcome.clientId);
        if (!entry) continue;
        const item = entry.value.item;
        if (item.kind === "addendum") {
            if (outcome.outcome === "created" || outcome.outcome === "exists") {
                await workspace.put("addendum", entry.id, { ...entry.value, state: "signed", id: outcome.id, sha256: outcome.sha256, signedAt: new Date().toISOString() });
            } else {
                await workspace.put("attention", entry.id, { ...entry.value, state: "invalid", errors: outcome.errors ?? null });
            }
            await workspace.remove(store.QUEUE, entry.id);
            continue;
        }
        switch (outcome.outcome) {
            case "signed":
            case "exists":
                await workspace.put("signed", entry.id, {
                    clientId: entry.id, id: outcome.id, sha256: outcome.sha256, type: item.type, drawnUpAt: item.document?.drawnUpAt,
                    signedAt: new Date().toISOString(),
                });
                break;
            case "refused":
            case "invalid":
            case "notFound":
            case "conflict":
                await workspace.put("attention", entry.id, {
                    item, state: outcome.outcome === "notFound" ? "invalid" : outcome.outcome, errors: outcome.errors ?? null, server: outcome.server ?? null,
                });
                break;
            default:
                continue;
        }
        await workspace.remove(store.QUEUE, entry.id);
    }
    await renderQueue();
}

async function renderQueue() {
    if (!workspace) return;
    const list = document.getElementById("ws-queue");
    const rows = [];
    const entry = (id, value) => (value.item.kind === "addendum"
        ? addendumRow(id, value, value.state)
        : row(id, value.item.type, value.item.document?.drawnUpAt, value.state, value.item.sha256, value));
    for (const { id, value } of await workspace.list(store.QUEUE)) rows.push(entry(id, value));
    for (const { id, value } of await workspace.list("attention")) rows.push(entry(id, value));
    for (const { id, value } of (await workspace.list("addendum")).sort((a, b) => b.value.signedAt.localeCompare(a.value.signedAt)).slice(0, 20))
        rows.push(addendumRow(id, value, "signed"));
    const signed = (await workspace.list("signed")).sort((a, b) => b.value.signedAt.localeCompare(a.value.signedAt)).slice(0, 20);
    for (const { id, value } of signed) rows.push(row(id, value.type, value.drawnUpAt, "signed", value.sha256, value));
    list.replaceChildren(...rows);
    document.getElementById("ws-queue-empty").hidden = rows.length > 0;
}

function row(clientId, type, drawnUpAt, state, sha256, value) {
    const item = document.createElement("li");
    item.className = `ws-item ws-${state}`;
    item.dataset.clientId = clientId;
    item.dataset.state = state;
    const title = document.createElement("strong");
    title.textContent = nameOf(typeOf(type)) || type;
    const when = document.createElement("span");
    when.textContent = drawnUpAt ? ` ${drawnUpAt.slice(0, 16).replace("T", " ")}` : "";
    const status = document.createElement("span");
    status.className = "ws-state";
    status.textContent = ` — ${texts[`state.${state}`] ?? state}${state === "queued" && !navigator.onLine ? ` (${texts.offline})` : ""}`;
    item.append(title, when, status);
    if (sha256) {
        const hash = document.createElement("p");
        hash.className = "ws-hash";
        const code = document.createElement("code");
        code.textContent = sha256;
        hash.append(`${texts.hash}: `, code);
        item.append(hash);
    }
    const actions = document.createElement("p");
    actions.className = "ws-buttons";
    if (state === "signed" && value.id) {
        actions.append(link(`/api/v1/protocols/${value.id}/pdf?language=kk`, texts.pdfKk, "pdf-kk"),
            link(`/api/v1/protocols/${value.id}/pdf?language=ru`, texts.pdfRu, "pdf-ru"), link(`/protocols/${value.id}`, texts.open, "open"));
        const add = button(texts.addendum, () => openAddendum(clientId, value));
        add.dataset.action = "addendum";
        actions.append(add);
    }
    if (state === "refused" || state === "invalid") {
        if (value.errors) {
            const reasons = document.createElement("ul");
            for (const messages of Object.values(value.errors)) for (const message of messages) reasons.append(Object.assign(document.createElement("li"), { textContent: message }));
            item.append(reasons);
        }
        const back = button(texts.backToForm, () => backToForm(clientId, value));
        back.dataset.action = "back";
        actions.append(back);
    }
    if (state === "conflict") {
        const compare = button(texts.showConflict, () => showConflict(clientId, value));
        compare.dataset.action = "compare";
        actions.append(compare);
    }
    if (state === "invalid" || state === "conflict") actions.append(button(texts.remove, async () => { await workspace.remove("attention", clientId); await renderQueue(); }));
    if (actions.childElementCount > 0) item.append(actions);
    return item;
}

function addendumRow(clientId, value, state) {
    const item = document.createElement("li");
    item.className = `ws-item ws-${state}`;
    item.dataset.clientId = clientId;
    item.dataset.state = state;
    item.dataset.kind = "addendum";
    const title = document.createElement("strong");
    title.textContent = format(texts.addendumOf, value.protocolName ?? "");
    const status = document.createElement("span");
    status.className = "ws-state";
    status.textContent = ` — ${texts[`state.${state}`] ?? state}${state === "queued" && !navigator.onLine ? ` (${texts.offline})` : ""}`;
    const text = document.createElement("p");
    text.textContent = value.item.text;
    item.append(title, status, text);
    if (value.sha256) {
        const hash = document.createElement("p");
        hash.className = "ws-hash";
        const code = document.createElement("code");
        code.textContent = value.sha256;
        hash.append(`${texts.hash}: `, code);
        item.append(hash);
    }
    if (state === "invalid") {
        for (const messages of Object.values(value.errors ?? {})) for (const message of messages) item.append(Object.assign(document.createElement("p"), { textContent: message }));
        const actions = document.createElement("p");
        actions.className = "ws-buttons";
        actions.append(button(texts.remove, async () => { await workspace.remove("attention", clientId); await renderQueue(); }));
        item.append(actions);
    }
    return item;
}

// ---- addenda: a correction to a signed protocol, with the drafter's signature, queued like a protocol ----

let addendumFor = null;

function openAddendum(clientId, value) {
    addendumFor = { clientId, name: `${nameOf(typeOf(value.type)) || value.type}${value.drawnUpAt ? " " + value.drawnUpAt.slice(0, 16).replace("T", " ") : ""}` };
    const section = document.getElementById("ws-addendum");
    const title = document.getElementById("ws-addendum-title");
    title.textContent = format(title.dataset.title, addendumFor.name);
    document.getElementById("ws-addendum-text").value = "";
    document.getElementById("ws-addendum-errors").hidden = true;
    clearPad(document.getElementById("ws-addendum-pad"));
    section.hidden = false;
    title.focus();
}

function closeAddendum() {
    document.getElementById("ws-addendum").hidden = true;
    addendumFor = null;
}

async function signAddendum() {
    const text = document.getElementById("ws-addendum-text").value.trim();
    const pad = document.getElementById("ws-addendum-pad");
    const errors = document.getElementById("ws-addendum-errors");
    const url = pad.dataset.drawn ? pad.toDataURL("image/png") : null;
    if (!addendumFor || !text || !url) {
        errors.textContent = texts.addendumEmpty;
        errors.hidden = false;
        return;
    }
    if (bytesOfDataUrl(url).length > MAX_SIGNATURE_BYTES) {
        errors.textContent = format(texts.signTooLarge, texts["signer.drafter"]);
        errors.hidden = false;
        return;
    }
    const clientId = crypto.randomUUID();
    await workspace.put(store.QUEUE, clientId, {
        item: { kind: "addendum", clientId, protocolClientId: addendumFor.clientId, text, signature: url.slice(url.indexOf(",") + 1) },
        state: "queued", protocolName: addendumFor.name, queuedAt: new Date().toISOString(),
    });
    closeAddendum();
    await renderQueue();
    await sync();
}

function link(href, text, kind) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    a.dataset.link = kind;
    if (kind.startsWith("pdf")) a.setAttribute("download", "");
    return a;
}

function button(text, action) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
}

/** A refused item goes back to the form with the server's reasons; it keeps its clientId (the server kept nothing of it). */
async function backToForm(clientId, value) {
    const document_ = structuredClone(value.item.document);
    delete document_.drafter;
    await workspace.put("draft", clientId, { clientId, type: value.item.type, document: document_, updatedAt: new Date().toISOString() });
    await workspace.remove("attention", clientId);
    load(clientId, value.item.type, document_);
    await renderQueue();
    const findings = Object.entries(value.errors ?? {}).flatMap(([key, messages]) => messages.map(text => {
        const row = /^(\w+\[\d+\])/.exec(key);
        return { code: row ? key.slice(row[1].length + 1) : key, path: row ? row[1] : "", text };
    }));
    showFindings(findings, true);
}

function showConflict(clientId, value) {
    const section = document.getElementById("ws-conflict");
    document.getElementById("ws-conflict-tablet").textContent = JSON.stringify(value.item.document, null, 2);
    document.getElementById("ws-conflict-server").textContent = value.server ? JSON.stringify(value.server.document, null, 2) : "";
    section.hidden = false;
    section.querySelector("h2").tabIndex = -1;
    section.querySelector("h2").focus();
    document.getElementById("ws-keep-server").onclick = async () => {
        await workspace.remove("attention", clientId);
        if (value.server) {
            await workspace.put("signed", clientId, {
                clientId, id: value.server.protocol.id, sha256: value.server.protocol.sha256, type: value.server.protocol.type,
                drawnUpAt: value.server.document.drawnUpAt, signedAt: new Date().toISOString(),
            });
        }
        section.hidden = true;
        await renderQueue();
    };
    // The tablet's version as a protocol of its own: a new clientId, the same signed content.
    document.getElementById("ws-send-new").onclick = async () => {
        await workspace.remove("attention", clientId);
        const fresh = crypto.randomUUID();
        await workspace.put(store.QUEUE, fresh, { item: { ...value.item, clientId: fresh }, state: "queued", queuedAt: new Date().toISOString() });
        section.hidden = true;
        await renderQueue();
        await sync();
    };
}

start();
