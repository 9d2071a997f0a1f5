// Last words typed: the rich-text editor (Draftail) writes what was typed
// into its form field 250 ms after the last change (in the page editor,
// where comments are on, Wagtail's own wrapper does, on the same delay), so
// a save clicked or Ctrl+S pressed sooner sent the older text. A save that
// comes sooner than that after a change in a rich-text editor is held until
// the editor has written its field, then sent as the librarian asked.
(function () {
  "use strict";

  // The editor's delay, and a margin for a busy computer.
  var SETTLE_MS = 450;
  var lastChange = 0;
  var releasing = null;
  var held = false;

  function inRichText(event) {
    return Boolean(event.target.closest && event.target.closest(".Draftail-Editor"));
  }

  // Typing, pasting, dropping, and the toolbar's buttons.
  ["input", "keydown", "paste", "cut", "drop", "mousedown"].forEach(function (type) {
    document.addEventListener(
      type,
      function (event) {
        if (inRichText(event)) {
          lastChange = Date.now();
        }
      },
      true
    );
  });

  function savingButton(event) {
    var button = event.target.closest
      ? event.target.closest("button, input[type=submit]")
      : null;
    if (!button || !button.form || inRichText(event)) {
      return null;
    }
    var saves =
      button.type === "submit" || button.hasAttribute("data-workflow-action-name");
    return saves ? button : null;
  }

  // Every save button and menu action, the workflow actions, and Ctrl+S
  // (which clicks "Zapisz szkic"): the click is held before any of
  // Wagtail's own handlers see it, and repeated once the field is written.
  document.addEventListener(
    "click",
    function (event) {
      var button = savingButton(event);
      if (!button || button === releasing) {
        return;
      }
      var wait = lastChange + SETTLE_MS - Date.now();
      if (wait <= 0 && !held) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (held) {
        return; // a second click while the first waits
      }
      held = true;
      window.setTimeout(function () {
        held = false;
        releasing = button;
        try {
          button.click();
        } finally {
          releasing = null;
        }
      }, Math.max(wait, 0));
    },
    true
  );
})();
