from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from claims import receivers  # noqa: F401 - connects the sources signal receivers
