"""What the admin adds for librarians: the guide, the translations list,
dashboard panels and reminders, the checked image upload form, and Polish
wording of Wagtail's own strings. Registered in ``site_settings/wagtail_hooks.py``."""
