// Keyboard shortcuts and small conveniences. Loaded as a file (the CSP allows no inline script).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Dates are formatted on the server in the browser's time zone, which it learns from this cookie (i18n.py).
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && /^[A-Za-z0-9_+\-\/]+$/.test(zone) && document.cookie.indexOf("tz=" + zone) === -1) {
      document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax";
    }
  } catch (e) { /* no Intl: dates stay in UTC */ }

  var selected = -1;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav-row]"));
  }

  function select(index) {
    var list = rows();
    if (!list.length) return false;
    selected = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (row, i) { row.classList.toggle("selected", i === selected); });
    list[selected].scrollIntoView({ block: "nearest" });
    return true;
  }

  // Content swapped in a moment ago (a row's fragment, the undo offer out of band) is wired to htmx only when the
  // swap settles; a key that clicked or focused one of its buttons before that submitted the form natively and
  // reloaded the page. htmx.process does nothing to what it already handles.
  function wire(element) {
    if (window.htmx) window.htmx.process(element.closest("form") || element);
  }

  function clickShortcut(key) {
    var target = document.querySelector('[data-shortcut="' + key + '"]');
    if (!target) return false;
    wire(target);
    target.click();
    return true;
  }

  // Claim the selected queue row: the same CSRF-protected POST the case page's button sends.
  function claimRow(row) {
    var token = document.querySelector('meta[name="csrf-token"]');
    if (!row.dataset.claim || !token) return;
    var form = document.createElement("form");
    form.method = "post";
    form.action = row.dataset.claim;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "csrf_token";
    input.value = token.content;
    form.appendChild(input);
    document.body.appendChild(form);
    form.submit();
  }

  // Resolve and dismiss would bury a held item (closed case, item never public, author never told), so its page
  // offers only approve and reject: bring those into view and say why. No key decides for the moderator:
  // publishing or rejecting a held text is read first, then clicked.
  function showHeldDecision() {
    var panel = document.getElementById("held-decision");
    if (!panel) return false;
    panel.scrollIntoView({ block: "nearest" });
    var hint = document.getElementById("held-only");
    if (hint) hint.classList.add("error");
    return true;
  }

  // A queue row's own decision (queue_actions.py): dismiss a simple case; for a held item, like the case page, no
  // key decides: d and e bring the row's approve button into focus, read the text, then Enter.
  function decideRow(row, key) {
    wire(row);
    var dismiss = row.querySelector('form[data-row-action="dismiss"] button');
    if (key === "d" && dismiss) { dismiss.click(); return true; }
    var approve = row.querySelector('form[data-row-action="approve"] button');
    if (approve) { approve.focus(); return true; }
    return false;
  }

  function typing(element) {
    return element && element.closest && element.closest("input, textarea, select, [contenteditable]");
  }

  function toggleHelp() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog) return;
    if (dialog.open) dialog.close(); else dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    var list = rows();
    switch (event.key) {
      case "j":
        if (list.length) select(selected + 1); else clickShortcut("j");
        break;
      case "k":
        if (list.length) select(selected < 0 ? 0 : selected - 1); else clickShortcut("k");
        break;
      case "Enter":
      case "o":
        if (event.target.closest && event.target.closest("a, button")) return;  // the focused control's own action
        if (list.length && selected >= 0) window.location.assign(list[selected].dataset.href); else return;
        break;
      case "c":
        if (list.length && selected >= 0) claimRow(list[selected]); else clickShortcut("c");
        break;
      case "r":
        var reply = document.getElementById("reply-body");
        if (!reply) return;
        reply.focus();
        break;
      case "e":
      case "d":
        if (list.length) {
          if (selected < 0 || !decideRow(list[selected], event.key)) return;
          break;
        }
        // A held item's page offers no resolve or dismiss: the key points at the decision it needs instead.
        if (!clickShortcut(event.key) && !showHeldDecision()) return;
        break;
      case "u":
        if (!clickShortcut("u")) return;
        break;
      case "?":
        toggleHelp();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-shortcut-help]")) { toggleHelp(); return; }
    var row = event.target.closest("[data-nav-row]");
    if (row && !event.target.closest("a, button, input, select, form")) window.location.assign(row.dataset.href);
  });

  // A reply template fills the reply box (the server-side ?template= link does the same without script).
  document.addEventListener("change", function (event) {
    if (event.target.id !== "reply-template") return;
    var option = event.target.selectedOptions[0];
    var reply = document.getElementById("reply-body");
    if (option && reply && option.dataset.body !== undefined) {
      // A typed draft is never replaced: the template goes in at the cursor (or replaces only the selection).
      if (reply.value.trim()) {
        reply.setRangeText(option.dataset.body, reply.selectionStart, reply.selectionEnd, "end");
      } else {
        reply.value = option.dataset.body;
      }
      reply.focus();
      saveDraft(reply);
    }
  });

  // A reply draft survives leaving the page (j/k, the queue, a reload): kept per case in localStorage,
  // dropped when the reply is sent.
  function draftKey(box) { return "moderation:draft:" + box.dataset.draftKey; }
  function saveDraft(box) {
    try {
      if (box.value.trim()) localStorage.setItem(draftKey(box), box.value);
      else localStorage.removeItem(draftKey(box));
    } catch (e) { /* storage full or disabled: the draft simply is not kept */ }
  }
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-draft-key]"), function (box) {
    try {
      var kept = localStorage.getItem(draftKey(box));
      if (kept && !box.value.trim()) box.value = kept;
    } catch (e) { /* no storage */ }
    box.addEventListener("input", function () { saveDraft(box); });
    if (box.form) box.form.addEventListener("submit", function () {
      try { localStorage.removeItem(draftKey(box)); } catch (e) { /* no storage */ }
    });
  });

  // An action's undo offer lasts a few seconds; after that the server would refuse it anyway.
  function expireUndo(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("form.undo[data-undo-seconds]"), function (form) {
      if (form.dataset.timer) return;
      form.dataset.timer = "1";
      window.setTimeout(function () { form.remove(); }, 1000 * Number(form.dataset.undoSeconds));
    });
  }
  expireUndo(document);
  document.addEventListener("htmx:afterSettle", function () { expireUndo(document); });

  // The queue reloads itself (hx-trigger="every Ns" on #queue-results). A reload must not take anything from the
  // moderator: it waits while they use a control inside the list or the tab is hidden, and afterwards the same case
  // is selected (found by id, wherever it moved) and the same link keeps the focus.
  // The element whose request an htmx event is about: htmx fires some events (beforeSwap) on the swap's target.
  function origin(event) {
    var config = event.detail && event.detail.requestConfig;
    return (config && config.elt) || event.target;
  }
  function fromRefresh(event) {
    // the polling section itself, not the filter form nor a row's decision (both target the section too)
    var elt = origin(event);
    return !!(elt && elt.id === "queue-results" && elt.hasAttribute && elt.hasAttribute("data-refresh"));
  }
  // A decision from a row (or its undo) answers with the same fragment: the selection is kept the same way, and a
  // refresh waits while one is on its way (hx-sync on the forms aborts a refresh already sent).
  function fromDecision(event) {
    var elt = origin(event);
    return !!(elt && elt.closest && elt.closest("form[data-row-action]"));
  }
  var deciding = 0;
  document.addEventListener("htmx:beforeSend", function (event) {
    if (!fromDecision(event) || !event.detail.xhr) return;
    deciding += 1;
    // counted down by the request itself: htmx's own after-events go elsewhere once the swap removed the form
    event.detail.xhr.addEventListener("loadend", function () { deciding = Math.max(0, deciding - 1); });
  });
  var kept = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!fromRefresh(event)) return;
    if (deciding) { event.preventDefault(); return; }
    var active = document.activeElement;
    var busy = active && active.closest && active.closest("#queue-results") && typing(active);
    if (document.hidden || busy || document.querySelector("dialog[open]")) event.preventDefault();
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!fromRefresh(event) && !fromDecision(event)) { kept = null; return; }
    var list = rows();
    var active = document.activeElement;
    var focusedRow = active && active.closest ? active.closest("[data-nav-row]") : null;
    kept = {
      id: selected >= 0 && list[selected] ? list[selected].dataset.caseId : null,
      index: selected,
      focusId: focusedRow ? focusedRow.dataset.caseId : null,
      scroll: window.scrollY
    };
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    // htmx reports each swapped element: the flashes (out of band) too, maybe before the list is in place
    if (!event.target || event.target.id !== "queue-results") return;
    var keep = kept;
    kept = null;
    selected = -1;
    if (!keep) return;  // a new filter: the selection starts again on the new rows
    var list = rows();
    var index = -1;
    list.forEach(function (row, i) { if (keep.id && row.dataset.caseId === keep.id) index = i; });
    if (index < 0 && keep.index >= 0 && list.length) index = Math.min(keep.index, list.length - 1);
    if (index >= 0) {
      selected = index;
      list.forEach(function (row, i) { row.classList.toggle("selected", i === selected); });
    }
    if (keep.focusId) {
      // the focused row, or (gone after a decision) the row that took its place
      var link = document.querySelector('[data-nav-row][data-case-id="' + keep.focusId + '"] a') ||
        (selected >= 0 ? list[selected].querySelector("a") : null);
      if (link) link.focus({ preventScroll: true });
    }
    window.scrollTo(window.scrollX, keep.scroll);
  });
})();
