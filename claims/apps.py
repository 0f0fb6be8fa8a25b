from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Pure Python (no models): safe to import before the app registry is ready.
from claims.extraction.learned.rescoring import use_encoder
from claims.semantic.encoder import load_encoder


def _install_history_triggers(sender, using: str = "default", **kwargs) -> None:
    from django.db import connections

    from claims.triggers import install_triggers

    install_triggers(connections[using])


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from claims import checks, receivers  # noqa: F401 - signal receivers, system checks

        # The check-worthiness model's second stage rescores borderline sentences by meaning;
        # extraction imports nothing from the project, so the app hands it the encoder.
        use_encoder(load_encoder)

        # Again after every migrate: SQLite drops a table's triggers when a migration rebuilds it.
        post_migrate.connect(
            _install_history_triggers, sender=self, dispatch_uid="claims.history_triggers"
        )
