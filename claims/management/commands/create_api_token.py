"""`manage.py create_api_token USER`: print the user's API token (and only the token)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print USER's API token on stdout, creating it if needed. Send it as "
        "'Authorization: Token <token>'. --rotate replaces an existing token."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="Replace the existing token.")

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist as exc:
            raise CommandError(
                f"No user {options['username']!r}. Create it first (manage.py createsuperuser, "
                "or in the admin) and give it the api_client, researcher or editor role."
            ) from exc
        if not user.is_active:
            raise CommandError(f"User {user.username!r} is inactive; activate it first.")
        if options["rotate"]:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
