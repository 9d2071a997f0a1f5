"""The e-mail backend of a production site with no mail server configured."""

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("config.mail")


class NotConfiguredEmailBackend(BaseEmailBackend):
    """Sends nothing and says so: each message is logged as a warning, so a
    moderation notice that never left is visible in the log, not lost."""

    def send_messages(self, email_messages):
        for message in email_messages:
            logger.warning(
                "E-mail not sent: no mail server is configured (set EMAIL_URL "
                "or EMAIL_HOST). Subject %r, to %s.",
                message.subject,
                ", ".join(message.recipients()),
            )
        return 0
