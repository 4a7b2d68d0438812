// The inspector's offline workspace store (issue 18, ADR 0013): everything the workspace keeps in the browser,
// encrypted at rest with the account's key, which the server releases only to the signed-in account.
//
// API (an ES module, no library; used by the protocol workspace, and meant for the day list, files and appeals):
//
//   import * as store from "/js/workspace-store.js";
//   store.keepForOffline();                    // registers the service worker (sw.js) that keeps the workspace's pages
//   const workspace = await store.open();      // online: fetches GET /api/v1/auth/workspace-key, imports it as a
//                                              // non-extractable AES-GCM CryptoKey kept in IndexedDB under the userId,
//                                              // and remembers { userId, sessionEndsAt } as current. Offline: uses what
//                                              // is kept. Throws store.WorkspaceLocked (reason "sessionEnded": the
//                                              // shift's session is over, "neverOpened": never opened online on this
//                                              // browser, "signedOut": the server knows no session) — show it, do not retry.
//   workspace.userId, workspace.sessionEndsAt  // the account and when its session ends (ISO text)
//   await workspace.put(kind, id, value)       // stores { userId, kind, id, iv, data }: AES-GCM, a random 12-byte IV,
//                                              // over the JSON of value; userId, kind and id are bound in as additional data
//   await workspace.get(kind, id)              // the value, or undefined
//   await workspace.list(kind)                 // [{ id, value }] of this account, in id order
//   await workspace.remove(kind, id)
//   await workspace.othersWaiting()            // how many queued items of other accounts this browser holds (never readable: other key)
//   await store.pending(userId?)               // how many items wait in the queue (kind store.QUEUE) — no key needed,
//                                              // for the sign-out question; without userId, the current account's
//   await store.pendingAll()                   // { mine, others }: queued items of the current account and of others here
//   await store.signOut()                      // sign-out: the current account's records, key and session deleted; the
//                                              // whole workspace (wipe) when no other account's items wait to be sent
//   await store.wipe()                         // deletes the database and the workspace's Cache Storage, and unregisters
//                                              // the service worker
//
// Kinds are the caller's names ("queue", "draft", "signed", "rules", …); only store.QUEUE means "not yet sent".
// What encryption does and does not protect is said in ADR 0013 §4: the current account's key is kept in the same
// IndexedDB (a non-extractable CryptoKey is unreadable to scripts, not to someone holding the profile's files), so it
// keeps other accounts' items on a shared tablet closed and is no protection against a copy of the whole profile.

export const DATABASE = "uchastok-workspace";
export const QUEUE = "queue";
/** Cache Storage names the service worker uses start with this, so that wipe() finds them. */
export const CACHE_PREFIX = "uchastok-workspace";
/** Set while this browser holds a workspace, so that a page's sign-out knows to ask and wipe (site.js). */
export const MARK = "uchastok-workspace";

const KEY_URL = "/api/v1/auth/workspace-key";

/** The workspace cannot be opened: its session ended offline, it was never opened online here, or the account is signed out. */
export class WorkspaceLocked extends Error {
    constructor(reason) {
        super(`the workspace is locked: ${reason}`);
        this.name = "WorkspaceLocked";
        this.reason = reason;
    }
}

let connection = null;

function request(r) {
    return new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
    });
}

function database() {
    if (connection) return Promise.resolve(connection);
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => {
        const db = opening.result;
        db.createObjectStore("keys", { keyPath: "userId" });
        db.createObjectStore("session");
        const records = db.createObjectStore("records", { keyPath: ["userId", "kind", "id"] });
        records.createIndex("kind", "kind");
    };
    return request(opening).then(db => {
        // Another tab wiping the workspace must not wait for this one to be closed.
        db.onversionchange = () => { db.close(); connection = null; };
        connection = db;
        return db;
    });
}

async function read(storeName, key) {
    const db = await database();
    return request(db.transaction(storeName).objectStore(storeName).get(key));
}

async function write(storeName, value, key) {
    const db = await database();
    const transaction = db.transaction(storeName, "readwrite");
    transaction.objectStore(storeName).put(value, key);
    return new Promise((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
    });
}

function fromBase64(text) {
    return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bound(userId, kind, id) {
    return encoder.encode(`${userId}\n${kind}\n${id}`);
}

/** Registers the service worker that keeps the workspace's pages for offline use (while online; a page works without it). */
export function keepForOffline() {
    if ("serviceWorker" in navigator && navigator.onLine) {
        navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { /* the page works online without it */ });
    }
}

/** Opens the workspace of the signed-in account (see the top of the file). */
export async function open({ online = navigator.onLine } = {}) {
    if (online) {
        let response = null;
        try {
            response = await fetch(KEY_URL, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
        } catch (error) {
            // The network went away between the check and the request: the kept key will do.
            if (!(error instanceof TypeError)) throw error;
        }
        if (response && response.status === 401) throw new WorkspaceLocked("signedOut");
        if (response && response.ok) {
            const { userId, key, sessionEndsAt } = await response.json();
            const cryptoKey = await crypto.subtle.importKey("raw", fromBase64(key), { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
            await write("keys", { userId, key: cryptoKey });
            await write("session", { userId, sessionEndsAt }, "current");
            // Only the current account's key stays on a shared tablet: another account's queue is then ciphertext to anyone
            // here until its owner signs in online again (the server derives the same key for him), as it must be for him
            // too, since offline the workspace opens only for the current account.
            await dropKeysExcept(userId);
            try { localStorage.setItem(MARK, "1"); } catch { /* storage refused: the sign-out hook then cannot ask, the server still ends the session */ }
            return new Workspace(userId, cryptoKey, sessionEndsAt);
        }
        if (response) throw new Error(`${KEY_URL} answered ${response.status}`);
    }
    const current = await read("session", "current");
    if (!current) throw new WorkspaceLocked("neverOpened");
    if (!(Date.parse(current.sessionEndsAt) > Date.now())) throw new WorkspaceLocked("sessionEnded");
    const kept = await read("keys", current.userId);
    if (!kept) throw new WorkspaceLocked("neverOpened");
    return new Workspace(current.userId, kept.key, current.sessionEndsAt);
}

class Workspace {
    constructor(userId, key, sessionEndsAt) {
        this.userId = userId;
        this.sessionEndsAt = sessionEndsAt;
        this._key = key;
    }

    async put(kind, id, value) {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: bound(this.userId, kind, id) }, this._key,
            encoder.encode(JSON.stringify(value)));
        await write("records", { userId: this.userId, kind, id, iv, data });
    }

    async get(kind, id) {
        const record = await read("records", [this.userId, kind, id]);
        return record ? this._open(record) : undefined;
    }

    async list(kind) {
        const db = await database();
        const range = IDBKeyRange.bound([this.userId, kind, ""], [this.userId, kind, "\uffff"]);
        const records = await request(db.transaction("records").objectStore("records").getAll(range));
        const values = [];
        for (const record of records) values.push({ id: record.id, value: await this._open(record) });
        return values;
    }

    async remove(kind, id) {
        const db = await database();
        const transaction = db.transaction("records", "readwrite");
        transaction.objectStore("records").delete([this.userId, kind, id]);
        await completion(transaction);
    }

    async othersWaiting() {
        const db = await database();
        const queued = await request(db.transaction("records").objectStore("records").index("kind").getAll(QUEUE));
        return queued.filter(record => record.userId !== this.userId).length;
    }

    async _open(record) {
        const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: record.iv, additionalData: bound(record.userId, record.kind, record.id) },
            this._key, record.data);
        return JSON.parse(decoder.decode(plain));
    }
}

function completion(transaction) {
    return new Promise((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
    });
}

async function dropKeysExcept(userId) {
    const db = await database();
    const transaction = db.transaction("keys", "readwrite");
    const keys = transaction.objectStore("keys");
    for (const other of await request(keys.getAllKeys())) if (other !== userId) keys.delete(other);
    await completion(transaction);
}

/** How many items wait in the queue: the current account's (mine) and every other account's on this browser (others). */
export async function pendingAll() {
    const who = (await read("session", "current"))?.userId;
    const db = await database();
    const all = await request(db.transaction("records").objectStore("records").index("kind").count(QUEUE));
    const mine = who ? await pending(who) : 0;
    return { mine, others: all - mine };
}

/**
 * The current account signs out: its records, its key and the current session are deleted. Another account's queued
 * items stay (signed protocols are evidence: they wait, encrypted, for their owner to sign in and send them); when
 * nothing of anyone's is left to send, the whole workspace goes (wipe()).
 */
export async function signOut() {
    const who = (await read("session", "current"))?.userId;
    if (who) {
        const db = await database();
        const transaction = db.transaction(["records", "keys", "session"], "readwrite");
        transaction.objectStore("records").delete(IDBKeyRange.bound([who], [who, []]));
        transaction.objectStore("keys").delete(who);
        transaction.objectStore("session").delete("current");
        await completion(transaction);
    }
    const db = await database();
    const left = await request(db.transaction("records").objectStore("records").index("kind").count(QUEUE));
    if (left === 0) await wipe();
}

/** How many items wait in the queue for the account (the current one when none is named); no key is needed to count. */
export async function pending(userId) {
    const who = userId ?? (await read("session", "current"))?.userId;
    if (!who) return 0;
    const db = await database();
    const range = IDBKeyRange.bound([who, QUEUE, ""], [who, QUEUE, "\uffff"]);
    return request(db.transaction("records").objectStore("records").count(range));
}

/** Deletes the whole workspace of this browser: the database (keys, records, the current session) and the cached shell. */
export async function wipe() {
    if (connection) { connection.close(); connection = null; }
    try { localStorage.removeItem(MARK); } catch { /* nothing to remove */ }
    const deleting = indexedDB.deleteDatabase(DATABASE);
    // Blocked by another tab that has not closed yet: the deletion completes as soon as it does.
    await new Promise(resolve => { deleting.onsuccess = resolve; deleting.onerror = resolve; deleting.onblocked = resolve; });
    if (self.caches) {
        for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
    }
    // And the worker that would keep the shell again: the next visit to the workspace registers it afresh.
    if (navigator.serviceWorker) {
        for (const registration of await navigator.serviceWorker.getRegistrations())
            if ((registration.active ?? registration.waiting ?? registration.installing)?.scriptURL.endsWith("/sw.js")) await registration.unregister();
    }
}
