// The weapons part of the inspector's day on /workspace (issue 21): permits expiring within the administrator's number
// of days, and storage sites whose inspection is overdue. Read from /api/v1/weapons/day while online and drawn with
// textContent only; never written to the encrypted store or the cache (a holder's name and a site are a theft target).
(() => {
    const section = document.getElementById("wh-weapons");
    const texts = document.getElementById("wh-weapons-texts");
    if (!section || !texts) return;
    const text = key => texts.content.querySelector(`[data-key="${key}"]`)?.textContent ?? "";
    const date = iso => { const [y, m, d] = iso.split("-"); return `${d}.${m}.${y}`; };

    function line(list, href, parts) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = href;
        link.textContent = parts[0];
        item.append(link, document.createTextNode(" · " + parts.slice(1).join(" · ")));
        list.append(item);
    }

    function none(id, message) {
        const element = document.getElementById(id);
        element.textContent = message;
        element.hidden = false;
    }

    async function load() {
        // Offline the day is not asked for at all (nothing of it is kept to show); the section says so.
        if (!navigator.onLine) { none("wh-weapons-expiring-none", text("offline")); return; }
        let day;
        try {
            const response = await fetch("/api/v1/weapons/day", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
            if (response.status === 404) { section.hidden = true; return; }
            if (!response.ok) throw new Error(String(response.status));
            day = await response.json();
        } catch {
            none("wh-weapons-expiring-none", text("offline"));
            return;
        }
        const expiring = document.getElementById("wh-weapons-expiring");
        const overdue = document.getElementById("wh-weapons-overdue");
        expiring.replaceChildren();
        overdue.replaceChildren();
        if (day.reminderDays == null) none("wh-weapons-expiring-none", text("noReminder"));
        else if (day.expiringPermits.length === 0) none("wh-weapons-expiring-none", text("expiringNone").replace("{0}", String(day.reminderDays)));
        for (const p of day.expiringPermits) line(expiring, `/weapons/holders/${p.holderId}`, [p.holderName, p.beatCode, p.permitNumber, date(p.validTo)]);
        if (day.overdueSites.length === 0) none("wh-weapons-overdue-none", text("overdueNone"));
        for (const s of day.overdueSites) line(overdue, `/weapons/sites/${s.siteId}`, [s.name, s.beatCode, `${text("overdue")} ${date(s.nextDue)}`]);
    }

    load();
})();
