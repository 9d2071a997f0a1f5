"""Messages as librarians read them: a message that quotes a title which
holds quotes of its own („Partnerstwo „Cytadela-Powązki””) shows the title
as it is (Partnerstwo „Cytadela-Powązki”). Wagtail's, wagtail-localize's
and this project's messages all pass here (MESSAGE_STORAGE)."""

from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.safestring import SafeData, mark_safe

from home.text import unnest_quotes


class PolishMessageStorage(FallbackStorage):
    def add(self, level, message, extra_tags=""):
        if isinstance(message, str):
            fixed = unnest_quotes(message)
            # Dropping two quote characters from safe HTML leaves it safe.
            safe = isinstance(message, SafeData)
            message = mark_safe(fixed) if safe else fixed  # noqa: S308
        super().add(level, message, extra_tags)
