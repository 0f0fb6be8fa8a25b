"""The API tokens of the desk's machine clients.

Imported at the end of claims/models.py, where Django looks for the app's models. Issued by
`manage.py create_api_token`, read by claims.api.authentication.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, *, now) -> ApiTokenQuerySet:
        """Neither revoked nor expired at `now`."""
        return self.filter(revoked_at__isnull=True).exclude(expires_at__lte=now)

    def revoke(self, *, now) -> int:
        """Revoke the tokens not yet revoked (the rows stay, as a record); the number revoked."""
        return self.filter(revoked_at__isnull=True).update(revoked_at=now)


class ApiToken(models.Model):
    """A machine credential, sent as `Authorization: Token <token>`, stored hashed.

    The token is shown once, when it is issued (manage.py create_api_token); the table keeps only
    its first characters, to recognise it in the admin, and its SHA-256 digest, to look it up.
    A token is 160 random bits, so an unsalted fast hash is enough: there is nothing to guess.
    """

    PREFIX_LENGTH = 8
    # last_used_at lags by at most this: one write per token per minute, not one per request.
    LAST_USED_RESOLUTION_SECONDS = 60

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(max_length=PREFIX_LENGTH, db_index=True, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user, now, expires_at=None) -> tuple[ApiToken, str]:
        """A new token for `user`: the row, and the token itself, which is never stored."""
        token = secrets.token_hex(20)  # 160 bits, the shape of the tokens clients already hold
        row = cls.objects.create(
            user=user,
            prefix=token[: cls.PREFIX_LENGTH],
            digest=cls.digest_of(token),
            created_at=now,
            expires_at=expires_at,
        )
        return row, token

    def is_usable(self, *, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def record_use(self, *, now) -> None:
        """Note the use, writing at most once per LAST_USED_RESOLUTION_SECONDS per token (not a
        write per request); the conditional UPDATE keeps concurrent requests to one write."""
        stale_before = now - timedelta(seconds=self.LAST_USED_RESOLUTION_SECONDS)
        if self.last_used_at is not None and self.last_used_at > stale_before:
            return
        ApiToken.objects.filter(pk=self.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale_before)
        ).update(last_used_at=now)
        self.last_used_at = now
