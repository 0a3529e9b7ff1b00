// The translation desk, improved: autosave, a warning before leaving unsaved work, the place
// kept across a save, and keyboard moves between paragraphs.
// The editor works without this file; it only adds to the plain form.

// Text boxes that grow with their text, and the progress line kept up to date as one types.
(function () {
  "use strict";
  const form = document.getElementById("desk-form");
  if (!form) return;
  const grows = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");
  function fit(box) {
    if (grows) return;
    box.style.height = "auto";
    box.style.height = box.scrollHeight + 2 + "px";
  }
  const progress = document.getElementById("desk-progress");
  function paragraphBoxes() {
    return Array.from(form.querySelectorAll(".desk-row[data-key] textarea.desk-text"));
  }
  function count() {
    if (!progress) return;
    const boxes = paragraphBoxes();
    const done = boxes.filter(function (box) { return box.value.trim() !== ""; }).length;
    progress.textContent = done + " of " + boxes.length + " paragraph" +
      (boxes.length === 1 ? "" : "s") + " translated";
  }
  form.querySelectorAll("textarea.desk-text").forEach(fit);
  form.addEventListener("input", function (event) {
    if (event.target.matches("textarea.desk-text")) { fit(event.target); count(); }
  });

  // Ctrl+Enter: this paragraph is done, on to the next box. Ctrl+S: save.
  form.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === "Enter" && event.target.matches("textarea.desk-text")) {
      const boxes = Array.from(form.querySelectorAll("textarea.desk-text"));
      const next = boxes[boxes.indexOf(event.target) + 1];
      event.preventDefault();
      if (next) { next.focus(); next.scrollIntoView({ block: "center" }); }
      else { const save = form.querySelector("button[name=op][value=save]"); if (save) save.focus(); }
    } else if (event.key === "s" || event.key === "S") {
      const save = form.querySelector("button[name=op][value=save]");
      if (!save) return;
      event.preventDefault();
      form.dispatchEvent(new CustomEvent("desk:save", { detail: { fallback: save } }));
    }
  });
})();

(function () {
  "use strict";
  const form = document.getElementById("desk-form");
  if (!form || form.dataset.autosave !== "1") return;
  const status = form.querySelector(".desk-autosave");
  const revision = form.querySelector("input[name=revision]");
  const placeKey = "desk-place:" + window.location.pathname;
  let dirty = false; // typed since the last autosave was sent
  let unsaved = false; // typed since the last save or autosave that reached the server
  let typed = false; // typed since this page's revision: leaving keeps a revision
  let stopped = false;
  let submitting = false;

  form.addEventListener("input", function () { dirty = true; unsaved = true; typed = true; });
  form.addEventListener("submit", function () {
    stopped = true;
    submitting = true;
    // Come back to the same place after the page reloads (a save answers with a redirect).
    const focused = document.activeElement;
    try {
      window.sessionStorage.setItem(placeKey, JSON.stringify({
        at: Date.now(),
        y: window.scrollY,
        field: focused && focused.classList.contains("desk-text") ? focused.name : "",
      }));
    } catch (error) { /* storage off: the page simply opens at the top */ }
  });
  window.addEventListener("beforeunload", function (event) {
    if (unsaved && !submitting) { event.preventDefault(); event.returnValue = ""; }
  });
  // Leaving the desk keeps what was typed as a revision (autosaves only keep a working copy).
  window.addEventListener("pagehide", function () {
    if (!typed || submitting || stopped || !navigator.sendBeacon) return;
    const data = new FormData(form);
    data.set("op", "save");
    data.set("leaving", "1");
    navigator.sendBeacon(window.location.href, data);
    typed = false;
  });

  (function restorePlace() {
    let place = null;
    try {
      place = JSON.parse(window.sessionStorage.getItem(placeKey) || "null");
      window.sessionStorage.removeItem(placeKey);
    } catch (error) { return; }
    // Only straight after a save: a place stored before leaving for another page is stale.
    if (!place || window.location.hash || Date.now() - place.at > 60000) return;
    window.scrollTo(0, place.y || 0);
    const field = place.field && form.elements.namedItem(place.field);
    if (field && field.focus) field.focus({ preventScroll: true });
  })();

  function say(text) { if (status) status.textContent = text; }

  async function autosave() {
    if (!dirty || stopped) return;
    dirty = false;
    const data = new FormData(form);
    data.set("op", "save");
    try {
      const response = await fetch(window.location.href, {
        method: "POST",
        body: data,
        headers: { "X-Desk-Autosave": "1" },
        credentials: "same-origin",
      });
      const body = await response.json();
      if (response.ok) {
        revision.value = body.revision;
        if (!dirty) unsaved = false;
        say("Kept automatically at " + new Date(body.saved_at).toLocaleTimeString() +
          "; Save makes it a revision.");
      } else if (response.status === 409) {
        // Someone else saved: stop autosaving and let the translator save by hand, which shows
        // both texts; nothing is overwritten.
        stopped = true;
        say(body.conflict + " Press Save to compare.");
      } else {
        dirty = true;
        say(body.error || "Not saved automatically.");
      }
    } catch (error) {
      dirty = true;
      say("Not saved automatically (offline?). Your text is still here.");
    }
  }
  window.setInterval(autosave, 30000);

  // Ctrl+S (see above): a save that keeps a revision, without leaving the page; where it cannot
  // be made in place (someone else saved the same paragraph), the form is sent as usual and the
  // page shows both texts.
  form.addEventListener("desk:save", async function (event) {
    const fallback = event.detail.fallback;
    const data = new FormData(form);
    data.set("op", "save");
    dirty = false;
    say("Saving…");
    try {
      const response = await fetch(window.location.href, {
        method: "POST",
        body: data,
        headers: { "X-Desk-Save": "1" },
        credentials: "same-origin",
      });
      const body = await response.json();
      if (response.ok && body.merged) {
        // A colleague's paragraphs were combined with ours: show the combined text.
        submitting = true;
        window.location.reload();
        return;
      }
      if (response.ok) {
        revision.value = body.revision;
        if (!dirty) { unsaved = false; typed = false; }
        say(body.message);
        return;
      }
      if (response.status === 409) { submitting = true; form.requestSubmit(fallback); return; }
      dirty = true;
      say(body.error || "Not saved.");
    } catch (error) {
      dirty = true;
      say("Not saved (offline?). Your text is still here.");
    }
  });

  // Alt+Down / Alt+Up: next / previous text box.
  form.addEventListener("keydown", function (event) {
    if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    const boxes = Array.from(form.querySelectorAll("textarea.desk-text"));
    const at = boxes.indexOf(document.activeElement);
    if (at === -1) return;
    const next = boxes[at + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) { event.preventDefault(); next.focus(); }
  });
})();
