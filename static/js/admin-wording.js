// The translation editor of wagtail-localize writes one heading in English
// in its compiled JavaScript ("Polski to English translation"), out of reach
// of the catalogs. This rewrites it with the Polish wording passed by the
// <script> tag (site_settings/wagtail_hooks.py, issue 10b).
(function () {
  "use strict";
  var script = document.currentScript;
  var template = script && script.dataset.translationHeading;
  if (!template) {
    return;
  }
  var pattern = /^(.+) to (.+) translation$/;

  function rewrite(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node = walker.nextNode();
    while (node) {
      var match = pattern.exec(node.nodeValue.trim());
      if (match) {
        node.nodeValue = template
          .replace("%(source)s", match[1])
          .replace("%(target)s", match[2]);
      }
      node = walker.nextNode();
    }
  }

  function start() {
    rewrite(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (added) {
          if (added.nodeType === Node.ELEMENT_NODE) {
            rewrite(added);
          } else if (added.nodeType === Node.TEXT_NODE && added.parentNode) {
            rewrite(added.parentNode);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
