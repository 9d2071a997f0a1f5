"""Running the site: backups, restores and the site's public address. The
management commands in ``management/commands/`` are thin wrappers."""
