"""Django's Redis cache backend, keeping one redis-py client per server instead of one per call.

Django's RedisCacheClient wraps its connection pool in a new `redis.Redis` for every cache call,
and building one costs more CPU than the call it makes (redis-py copies its table of response
callbacks into each new client). The fetcher makes four or more cache calls per page (robots.txt,
the per-host slot and interval), and that construction was about 7 % of a refresh worker's CPU.

A `redis.Redis` built on a pool holds no connection of its own: each command borrows one from
the pool, so sharing the client between threads is as safe as sharing the pool, and the pool
drops connections inherited across a fork (Celery's prefork children) by itself.
settings.CACHES selects this backend whenever the cache is Redis.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[Any, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
