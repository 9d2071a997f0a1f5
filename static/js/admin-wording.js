// wagtail-localize's translation editor writes a few texts in English in its
// compiled JavaScript, out of reach of the catalogs: the heading "Polski to
// English translation" and the menu label "More actions". This rewrites them
// with the wording the <script> tag passes in the admin's language
// (site_settings/wagtail_hooks.py, issue 10b).
(function () {
  "use strict";
  var script = document.currentScript;
  var template = script && script.dataset.translationHeading;
  // Upstream's own English, matched exactly; the Polish comes from the tag.
  var replacements = { "More actions": script && script.dataset.moreActions };
  if (!template) {
    return;
  }
  var pattern = /^(.+) to (.+) translation$/;

  function rewrite(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node = walker.nextNode();
    while (node) {
      var text = node.nodeValue.trim();
      var match = pattern.exec(text);
      if (replacements[text]) {
        node.nodeValue = replacements[text];
      } else if (match) {
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
