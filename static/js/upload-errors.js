// The admin's multiple uploaders show only "Server error" and the status
// code for a failed upload; put the server's own message (a full or
// unreachable media storage) in its place.
(function () {
  "use strict";
  if (!window.jQuery) {
    return;
  }
  window.jQuery(document).on("fileuploadalways", function (event, data) {
    var xhr = data.jqXHR;
    var message = null;
    try {
      message = JSON.parse(xhr.responseText).error_message;
    } catch (error) {
      return;
    }
    if (message && data.context && xhr.status >= 500) {
      window.jQuery(".server-error .error-text", data.context).text(message);
    }
  });
})();
