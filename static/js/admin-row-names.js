// InlinePanel rows are headed by their kind and number ("Organizacja 1",
// "Dawna nazwa 2"); this heads each row with what it holds: the chosen
// object's title, else the first text typed into it. The number stays in
// the page for Wagtail's own script, hidden while a name is shown.
(function () {
  "use strict";

  function rowName(row) {
    var chosen = row.querySelector("[data-chooser-title]");
    var title = chosen && chosen.textContent.trim();
    if (title) {
      return title;
    }
    var inputs = row.querySelectorAll('input[type="text"]');
    for (var i = 0; i < inputs.length; i += 1) {
      if (inputs[i].value.trim()) {
        return inputs[i].value.trim();
      }
    }
    return "";
  }

  function labelNode(heading) {
    for (var i = 0; i < heading.childNodes.length; i += 1) {
      var node = heading.childNodes[i];
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue.trim()) {
        return node;
      }
    }
    return null;
  }

  function update(row) {
    var heading = row.querySelector("[data-panel-heading-text]");
    var count = heading && heading.querySelector("[data-inline-panel-child-count]");
    var label = heading && labelNode(heading);
    if (!label) {
      return;
    }
    if (!heading.dataset.rowLabel) {
      heading.dataset.rowLabel = label.nodeValue;
    }
    var name = rowName(row);
    label.nodeValue = name || heading.dataset.rowLabel;
    if (count) {
      count.hidden = Boolean(name);
    }
  }

  function updateAll() {
    document.querySelectorAll("[data-inline-panel-child]").forEach(update);
  }

  function start() {
    updateAll();
    document.addEventListener("change", function (event) {
      var row = event.target.closest && event.target.closest("[data-inline-panel-child]");
      if (row) {
        update(row);
      }
    });
    // A chooser writes the chosen title without a change event on the row.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        var target = mutation.target.nodeType === Node.ELEMENT_NODE
          ? mutation.target
          : mutation.target.parentNode;
        var row = target && target.closest("[data-inline-panel-child]");
        if (row && !target.closest("[data-panel-heading-text]")) {
          update(row);
        }
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
