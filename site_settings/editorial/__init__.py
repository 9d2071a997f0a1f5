"""The editorial rules: who may make something live, stale saves, moderation
and review, login lock-outs, malformed input, checked image uploads and logo
alternative texts. Registered in ``wagtail_hooks.py`` and the settings."""
