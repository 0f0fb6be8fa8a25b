"""`manage.py setup_demo`: the demo desk that `make run` starts with. Safe to run again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction import read_path
from claims.services import article_ingest

EXAMPLE_ARTICLE = Path(__file__).resolve().parents[2] / "demo" / "kuril-islands-2021-02-15.txt"

# Demo accounts for a local development desk only (refused when DEBUG is off).
DEMO_USERS = [
    ("editor", "editor-demo-password", "editor"),
    ("researcher", "researcher-demo-password", "researcher"),
]


class Command(BaseCommand):
    help = "Create the demo editor and researcher accounts and ingest the example article."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--article", default=str(EXAMPLE_ARTICLE), help="Article to ingest.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "setup_demo creates accounts with known passwords and only runs with "
                "DJANGO_DEBUG=true. Create real accounts with manage.py createsuperuser."
            )
        User = get_user_model()
        for username, password, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True}
            )
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=role))
            verb = "created" if created else "exists"
            self.stdout.write(f"Demo {role} ({verb}): username {username}  password {password}")

        path = options["article"]
        document = read_path(path)
        result = article_ingest(document=document, raw=Path(path).read_bytes())
        count = result.snapshot.claims.count()
        state = "ingested" if result.created else "already there"
        self.stdout.write(
            f"Example article #{result.article.pk} {state}: {result.article.title!r}, "
            f"{count} claims ({len(result.new_claims)} new)."
        )
