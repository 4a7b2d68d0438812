// The appeal form's photos and its sending. A phone photo (3–8 MB, 4000 px) is made smaller in the
// browser — at most 2048 px on its longer side, JPEG — before it is sent, which also drops the data the
// camera hides in it (place, device). Chosen files show as thumbnails that can be removed. The form is
// sent in the background with a progress bar; when the server refuses it, its messages replace the old
// ones, the chosen files stay, and the first message gets the focus so a screen reader reads it.
// Without JavaScript the form posts as usual.
(function () {
    "use strict";
    var form = document.getElementById("appeal-form");
    var input = document.getElementById("attachments");
    if (!form || !input || !window.FormData || !window.DataTransfer) return;
    var list = document.getElementById("attachment-list");
    var progress = document.getElementById("upload-progress");
    var progressText = document.getElementById("upload-status");
    var texts = input.dataset;
    var maxFiles = Number(texts.maxFiles || 5), maxBytes = Number(texts.maxBytes || 5242880), longSide = 2048;
    var chosen = [];

    function shrink(file) {
        var image = file.type === "image/jpeg" || file.type === "image/png";
        if (!image || !window.createImageBitmap || (file.size <= 1024 * 1024 && file.type === "image/png")) return Promise.resolve(file);
        return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
            var scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
            if (scale === 1 && file.size <= 1024 * 1024) { bitmap.close(); return file; }
            var canvas = document.createElement("canvas");
            canvas.width = Math.round(bitmap.width * scale);
            canvas.height = Math.round(bitmap.height * scale);
            canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
            bitmap.close();
            return new Promise(function (resolve) {
                canvas.toBlob(function (blob) {
                    if (!blob || blob.size >= file.size) { resolve(file); return; }
                    resolve(new File([blob], file.name.replace(/\.[^.]+$/, "") + ".jpg", { type: "image/jpeg", lastModified: file.lastModified }));
                }, "image/jpeg", 0.85);
            });
        }).catch(function () { return file; });
    }

    function sizeText(bytes) { return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB"; }

    function render() {
        var transfer = new DataTransfer();
        chosen.forEach(function (file) { transfer.items.add(file); });
        input.files = transfer.files;
        list.replaceChildren();
        chosen.forEach(function (file, index) {
            var item = document.createElement("li");
            if (file.type.indexOf("image/") === 0) {
                var thumb = document.createElement("img");
                thumb.src = URL.createObjectURL(file);
                thumb.alt = "";
                thumb.width = 64; thumb.height = 64;
                thumb.onload = function () { URL.revokeObjectURL(thumb.src); };
                item.appendChild(thumb);
            }
            var name = document.createElement("span");
            name.textContent = file.name + " (" + sizeText(file.size) + ")";
            item.appendChild(name);
            var remove = document.createElement("button");
            remove.type = "button";
            remove.className = "link-button";
            remove.textContent = texts.remove || "×";
            remove.setAttribute("aria-label", (texts.remove || "") + " " + file.name);
            remove.addEventListener("click", function () { chosen.splice(index, 1); render(); input.focus(); });
            item.appendChild(remove);
            list.appendChild(item);
        });
    }

    function fieldError(field, message) {
        var slot = form.querySelector('.field-error[data-for="' + field + '"]');
        if (slot) slot.textContent = message;
    }

    input.addEventListener("change", function () {
        var added = Array.prototype.slice.call(input.files).filter(function (file) {
            return !chosen.some(function (c) { return c.name === file.name && c.lastModified === file.lastModified; });
        });
        fieldError("attachments", "");
        Promise.all(added.map(shrink)).then(function (files) {
            files.forEach(function (file) {
                if (chosen.length >= maxFiles) { fieldError("attachments", texts.tooMany || ""); return; }
                if (file.size > maxBytes) { fieldError("attachments", (texts.tooLarge || "").replace("{0}", file.name)); return; }
                chosen.push(file);
            });
            render();
        });
    });

    // The server's answer to a refused form: its messages in place of the old ones, the files untouched.
    function showRefusal(html) {
        var answer = new DOMParser().parseFromString(html, "text/html");
        form.querySelectorAll(".field-error[data-for]").forEach(function (slot) {
            var fresh = answer.querySelector('.field-error[data-for="' + slot.dataset.for + '"]');
            slot.textContent = fresh ? fresh.textContent.trim() : "";
        });
        var summary = document.getElementById("form-errors");
        var freshSummary = answer.getElementById("form-errors");
        if (freshSummary && !summary) { form.parentNode.insertBefore(document.importNode(freshSummary, true), form); }
        else if (!freshSummary && summary) { summary.remove(); }
        var first = Array.prototype.find.call(form.querySelectorAll(".field-error[data-for]"), function (slot) { return slot.textContent.trim() !== ""; });
        var target = first && document.getElementById(first.dataset.for);
        if (target && target.type !== "hidden") target.focus();
        else (document.getElementById("form-errors") || form).scrollIntoView();
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        var button = document.getElementById("submit-appeal");
        if (button) button.disabled = true;
        var request = new XMLHttpRequest();
        request.open("POST", form.getAttribute("action") || window.location.pathname + window.location.search);
        progress.hidden = false;
        progress.value = 0;
        request.upload.addEventListener("progress", function (e) {
            if (!e.lengthComputable) return;
            progress.value = Math.round(100 * e.loaded / e.total);
            progressText.textContent = (texts.sending || "") + " " + progress.value + "%";
        });
        request.addEventListener("load", function () {
            var landed = request.responseURL && new URL(request.responseURL).pathname !== window.location.pathname;
            if (landed) { window.location.assign(request.responseURL); return; }
            progress.hidden = true;
            progressText.textContent = "";
            if (button) button.disabled = false;
            if (request.status >= 400) { showRefusal(request.responseText); return; }
            // Accepted on this page (a tip sent anonymously): show the page as the server wrote it.
            document.open(); document.write(request.responseText); document.close();
        });
        request.addEventListener("error", function () {
            progress.hidden = true;
            progressText.textContent = texts.offline || "";
            if (button) button.disabled = false;
        });
        request.send(new FormData(form));
    });
})();
