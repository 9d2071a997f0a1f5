"""The admin's words and screens for librarians: the guide, the translations
list and its states, dashboard panels and reminders, the sign-in form, and
Polish wording of Wagtail's own strings. Registered in ``wagtail_hooks.py``."""
