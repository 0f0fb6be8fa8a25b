#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        # Settings are read here, not inside a command, so a configuration error (DEBUG is off
        # by default and then a secret key is required) is one clear line, not a traceback
        # that ends in Django's "Models aren't loaded yet".
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting loads them all
    except ImproperlyConfigured as exc:
        sys.exit(f"claimtracker: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
