// The translation desk, improved: autosave, a warning before leaving unsaved work, the place
// kept across a save, keyboard moves between paragraphs, and the rearranging buttons answered
// in place. The editor works without this file; it only adds to the plain form.

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
  function paragraphBoxes() {
    return Array.from(form.querySelectorAll(".desk-row[data-key] textarea.desk-text"));
  }
  function count() {
    const progress = document.getElementById("desk-progress");
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
  form.addEventListener("desk:swapped", function () {
    form.querySelectorAll("textarea.desk-text").forEach(fit);
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


// Split, merge, add, drop and acknowledge without reloading the page: the same form post, sent
// with fetch; the server keeps the text in the working copy (no revision) and answers with the
// paragraphs re-rendered, which replace the old ones. Focus goes to the box the button acted on.
// Per-paragraph buttons and bookkeeping fields leave the Tab order (Tab goes box to box); from a
// box, Escape reaches its paragraph's buttons (arrow keys move among them, Escape goes back),
// and Alt+Enter splits the box at the cursor.
(function () {
  "use strict";
  const form = document.getElementById("desk-form");
  const body = document.getElementById("desk-body");
  if (!form || !body || form.dataset.autosave !== "1") return;
  const IN_PLACE = /^(split|merge|add|add_source|drop|ack):/;
  let busy = false;

  function tools(row) {
    return Array.from(row.querySelectorAll(".desk-target button, .desk-target input[type=text]"));
  }
  function quietTabOrder() {
    // A row without a box (a source paragraph nobody translates) keeps its button in the order.
    body.querySelectorAll(".desk-row").forEach(function (row) {
      const box = row.querySelector("textarea.desk-text");
      if (!box) return;
      tools(row).forEach(function (control) { control.tabIndex = -1; });
    });
  }
  quietTabOrder();

  function focusBox(id, caret) {
    const box = id && document.getElementById(id);
    if (!box) return false;
    box.focus({ preventScroll: true });
    const at = caret === null || caret === undefined ? box.value.length : caret;
    box.setSelectionRange(at, at);
    box.scrollIntoView({ block: "nearest" });
    return true;
  }

  async function send(op, row) {
    if (busy) return;
    busy = true;
    const data = new FormData(form);
    data.set("op", op);
    const boxes = form.querySelectorAll("textarea.desk-text");
    // What is typed while the answer is on its way would be lost in the swap: hold it.
    boxes.forEach(function (box) { box.readOnly = true; });
    form.setAttribute("aria-busy", "true");
    const rowId = row ? row.id : "";
    try {
      const response = await fetch(window.location.href, {
        method: "POST",
        body: data,
        headers: { "X-Desk-Inline": "1" },
        credentials: "same-origin",
      });
      // A refusal page (403: no longer yours to edit) is HTML: say so rather than "offline".
      const answer = await response.json().catch(function () {
        return { error: "Not changed: the desk refused it (" + response.status + "); reload the page." };
      });
      if (response.ok) {
        body.innerHTML = answer.html;
        quietTabOrder();
        form.dispatchEvent(new CustomEvent("desk:swapped"));
        form.dispatchEvent(new CustomEvent("desk:kept", { detail: { message: answer.message } }));
        const target = answer.focus === null ? "" : "id_p-" + answer.focus + "-text";
        if (!focusBox(target, answer.caret)) {
          const again = rowId && document.getElementById(rowId);
          const box = again && again.querySelector("textarea.desk-text");
          if (box) focusBox(box.id, null);
        }
        return;
      }
      boxes.forEach(function (box) { box.readOnly = false; });
      if (response.status === 409) {
        // Someone saved meanwhile: the plain post shows both texts side by side.
        const save = form.querySelector("button[name=op][value=save]");
        form.requestSubmit(save);
        return;
      }
      form.dispatchEvent(new CustomEvent("desk:say", { detail: { message: answer.error } }));
    } catch (error) {
      boxes.forEach(function (box) { box.readOnly = false; });
      form.dispatchEvent(new CustomEvent("desk:say", {
        detail: { message: "Not changed (offline?). Your text is still here." },
      }));
    } finally {
      busy = false;
      form.removeAttribute("aria-busy");
    }
  }

  form.addEventListener("submit", function (event) {
    const button = event.submitter;
    if (!button || button.name !== "op" || !IN_PLACE.test(button.value)) return;
    event.preventDefault();
    send(button.value, button.closest(".desk-row"));
  });

  form.addEventListener("keydown", function (event) {
    if (event.isComposing) return;
    const target = event.target;
    const row = target.closest && target.closest(".desk-row");
    if (!row) return;
    if (target.matches("textarea.desk-text")) {
      const match = /^id_p-(\d+)-text$/.exec(target.id);
      if (event.key === "Enter" && event.altKey && match && !target.readOnly) {
        event.preventDefault();
        send("split:" + match[1] + ":" + target.selectionStart, row);
      } else if (event.key === "Escape" && tools(row).length) {
        event.preventDefault();
        tools(row)[0].focus();
      }
      return;
    }
    const controls = tools(row);
    const at = controls.indexOf(target);
    if (at === -1) return;
    const onText = target.matches("input[type=text]");
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: onText ? 0 : 1, ArrowLeft: onText ? 0 : -1 };
    if (event.key === "Escape") {
      event.preventDefault();
      const box = row.querySelector("textarea.desk-text");
      if (box) box.focus();
    } else if (step[event.key]) {
      event.preventDefault();
      controls[(at + step[event.key] + controls.length) % controls.length].focus();
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
  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return; // answered in place (see below)
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

  // A rearranging button answered in place wrote the working copy, as an autosave does.
  form.addEventListener("desk:kept", function (event) {
    dirty = false;
    unsaved = false;
    typed = true;
    say(event.detail.message);
  });
  form.addEventListener("desk:say", function (event) { say(event.detail.message); });

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
