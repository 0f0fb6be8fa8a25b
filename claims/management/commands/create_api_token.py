"""`manage.py create_api_token USER`: issue an API token and print it (and only it), once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from claims.models import ApiToken


class Command(BaseCommand):
    help = (
        "Issue an API token for USER and print it on stdout: send it as "
        "'Authorization: Token <token>'. Only its digest is stored, so it is shown this once. "
        "A user with a token must use --rotate, which revokes the old one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="Revoke the user's tokens and issue a new one.",
        )
        parser.add_argument(
            "--expires-days",
            type=int,
            metavar="DAYS",
            help="The token stops working after this many days (default: never).",
        )

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
        days = options["expires_days"]
        if days is not None and days < 1:
            raise CommandError("--expires-days must be at least 1.")
        now = timezone.now()
        with transaction.atomic():
            # Locks the user's row: two runs at once cannot both see "no token" and issue two.
            User.objects.select_for_update().get(pk=user.pk)
            held = ApiToken.objects.filter(user=user).usable(now=now)
            if options["rotate"]:
                held.revoke(now=now)
            elif existing := held.first():
                raise CommandError(
                    f"{user.username!r} already has an API token ({existing.prefix}…, created "
                    f"{existing.created_at:%Y-%m-%d}). Tokens are stored hashed and cannot be "
                    "shown again: run with --rotate to replace it (the old one stops working at "
                    "once), or revoke it in the admin first."
                )
            _, token = ApiToken.issue(
                user=user,
                now=now,
                expires_at=now + timedelta(days=days) if days else None,
            )
        self.stdout.write(token)
