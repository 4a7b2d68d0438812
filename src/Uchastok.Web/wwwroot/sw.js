// The service worker of the inspector's offline workspace (issue 18, ADR 0013). It keeps the workspace's shell —
// the page, which holds labels and no personal data, and its static files — so that the page opens with no network.
// It never touches API answers or any other page: personal data lives only in the encrypted store
// (workspace-store.js), never in Cache Storage.
//
// Every kept address is fetched network-first and the copy refreshed on each success, so an online visit always
// runs the release the server has; the cache answers only when the network fails. RELEASE names the cache: change
// it when the list below changes, and the new worker deletes the caches of the old one when it activates.

const RELEASE = "2026-12-07.4";
const CACHE = `uchastok-workspace-${RELEASE}`;
const SHELL = "/protocols/workspace";
const KEPT = [
    SHELL,
    "/workspace",
    "/js/workspace-home.js",
    "/js/weapons-day.js",
    "/css/site.css",
    "/js/site.js",
    "/js/protocol-workspace.js",
    "/js/protocol-rules.js",
    "/js/workspace-store.js",
    "/img/icon.svg",
    "/img/icon-192.png",
    "/img/icon-512.png",
    "/manifest.webmanifest",
];

self.addEventListener("install", event => {
    event.waitUntil((async () => {
        const cache = await caches.open(CACHE);
        // One by one: a file that cannot be had now (the page for an account that is not a drafter) does not stop the others.
        await Promise.all(KEPT.map(async path => {
            try {
                const response = await fetch(path, { credentials: "same-origin", cache: "no-cache" });
                if (keepable(response, path)) await cache.put(path, response);
            } catch { /* the next online visit keeps it */ }
        }));
        await self.skipWaiting();
    })());
});

self.addEventListener("activate", event => {
    event.waitUntil((async () => {
        for (const name of await caches.keys())
            if (name.startsWith("uchastok-workspace") && name !== CACHE) await caches.delete(name);
        await self.clients.claim();
    })());
});

self.addEventListener("fetch", event => {
    const url = new URL(event.request.url);
    if (event.request.method !== "GET" || url.origin !== self.location.origin || !KEPT.includes(url.pathname)) return;
    event.respondWith(networkFirst(event, url.pathname));
});

/** A response worth keeping: the file itself, not an error page or the sign-in form a redirect led to. */
function keepable(response, path) {
    return response.ok && response.type === "basic" && new URL(response.url).pathname === path;
}

async function networkFirst(event, path) {
    const request = event.request;
    try {
        const response = await fetch(request);
        if (keepable(response, path)) {
            const copy = response.clone();
            // Kept alive until the copy is written: the worker may otherwise be stopped once the page has its answer.
            event.waitUntil(caches.open(CACHE).then(cache => cache.put(path, copy)));
        }
        return response;
    } catch (offline) {
        // Kept by path: the page asks for fingerprinted addresses (?v=…), the same file.
        const cache = await caches.open(CACHE);
        const kept = await cache.match(path);
        if (!kept) throw offline;
        // Marked, so that a test (and a curious engineer) can tell a copy from the network's answer.
        const headers = new Headers(kept.headers);
        headers.set("X-Uchastok-Served-From", "workspace-cache");
        return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
    }
}
