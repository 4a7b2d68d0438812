// Small helpers every page may use, loaded deferred: tables that stack on a phone; copy and share a private link.
(function () {
    "use strict";
    // The staff menu folds on a phone; the button opens it and says whether it is open.
    var menuButton = document.querySelector(".menu-button");
    if (menuButton) {
        var nav = document.getElementById(menuButton.getAttribute("aria-controls"));
        menuButton.hidden = false;
        menuButton.closest("header").classList.add("menu-ready");
        menuButton.addEventListener("click", function () {
            var open = menuButton.getAttribute("aria-expanded") !== "true";
            menuButton.setAttribute("aria-expanded", String(open));
            nav.classList.toggle("open", open);
        });
    }
    // Each cell learns its column's heading, so that on a narrow screen a row reads as a card of "heading: value" lines (site.css).
    document.querySelectorAll("table.grid").forEach(function (table) {
        var headRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
        if (!headRow) return;
        var labels = [];
        Array.prototype.forEach.call(headRow.cells, function (cell) {
            for (var i = 0; i < (cell.colSpan || 1); i++) labels.push(cell.textContent.trim());
        });
        var sections = Array.prototype.slice.call(table.tBodies);
        if (table.tFoot) sections.push(table.tFoot);
        sections.forEach(function (body) {
            Array.prototype.forEach.call(body.rows, function (row) {
                var column = 0;
                Array.prototype.forEach.call(row.cells, function (cell) {
                    if (!cell.hasAttribute("data-label") && labels[column]) cell.setAttribute("data-label", labels[column]);
                    column += cell.colSpan || 1;
                });
            });
        });
        table.classList.add("stacked");
        if (!table.parentElement.classList.contains("table-scroll")) {
            var scroller = document.createElement("div");
            scroller.className = "table-scroll";
            table.parentNode.insertBefore(scroller, table);
            scroller.appendChild(table);
            // A table that scrolls sideways must be reachable by keyboard too.
            if (scroller.scrollWidth > scroller.clientWidth) scroller.tabIndex = 0;
        }
    });
    // What the pages would otherwise say inline, which the Content-Security-Policy forbids: a choice that
    // submits its form at once (a button does it without JavaScript), and bars as long as their data-width in rem.
    document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
    });
    document.querySelectorAll(".bar[data-width]").forEach(function (bar) {
        bar.style.width = Number(bar.dataset.width) + "rem";
    });
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
    // Signing out of a browser that holds the protocol workspace (workspace-store.js): ask first when the account's
    // protocols have not been sent, naming how many, then delete what is the account's before the form goes (the whole
    // workspace when no other account's items wait on this tablet).
    var signOut = document.querySelector("form[data-workspace-confirm]");
    if (signOut) {
        signOut.addEventListener("submit", function (event) {
            // Asked at the moment of signing out: the workspace may have been opened on this very page.
            var holdsWorkspace = false;
            try { holdsWorkspace = window.localStorage.getItem("uchastok-workspace") === "1"; } catch (e) { /* storage refused: nothing kept either */ }
            if (!holdsWorkspace || signOut.dataset.wiped) return;
            event.preventDefault();
            function go() { signOut.dataset.wiped = "1"; signOut.submit(); }
            import("/js/workspace-store.js").then(function (store) {
                return store.pendingAll().then(function (count) {
                    if (count.mine > 0 && !window.confirm(signOut.dataset.workspaceConfirm.replace("{0}", String(count.mine)))) return;
                    // Only what is the signing-out account's: another account's unsent protocols wait for their owner.
                    return store.signOut().then(go);
                });
            }).catch(go);
        });
    }
})();
