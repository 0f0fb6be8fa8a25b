from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _install_history_triggers(sender, using: str = "default", **kwargs) -> None:
    from django.db import connections

    from claims.triggers import install_triggers

    install_triggers(connections[using])


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from claims import checks, receivers  # noqa: F401 - signal receivers, system checks

        # Again after every migrate: SQLite drops a table's triggers when a migration rebuilds it.
        post_migrate.connect(
            _install_history_triggers, sender=self, dispatch_uid="claims.history_triggers"
        )
