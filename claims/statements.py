"""Statements compiled once and run again and again: the hottest reads (a claim's detail, a
token, a feed page's citations) build and compile their ORM statement once per database
connection (CompiledValues) and, on PostgreSQL, run it as a server-side prepared statement
(statement_cursor). Used by claims.selectors and claims.public_selectors.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import QuerySet


def statement_cursor(wrapper: Any) -> Any:
    """A cursor for a statement that runs again and again with other parameters
    (CompiledValues): on PostgreSQL with DATABASE_PREPARED_STATEMENTS (the default) it binds
    parameters on the server and the statement is prepared once per connection, so the server
    plans it once rather than on every request (planning a claim's detail took three times as
    long as running it). Otherwise, and for every other query, Django's own cursor (client-side
    binding). Either way the query goes through Django's cursor wrapper: it is counted, logged
    (with its parameters, as Django logs any query) and its errors wrapped like any other."""
    if wrapper.vendor != "postgresql" or not settings.DATABASE_PREPARED_STATEMENTS:
        return wrapper.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    # What BaseDatabaseWrapper.cursor() does, with the server-binding cursor class; the
    # connection's prepare_threshold (0, config.settings) prepares it on first execution.
    wrapper.close_if_health_check_failed()
    wrapper.ensure_connection()
    wrapper.validate_thread_sharing()
    with wrapper.wrap_database_errors:
        cursor = ServerBindingCursor(wrapper.connection)
    if wrapper.queries_logged:
        return _composed_debug_wrapper()(cursor, wrapper)
    return wrapper.make_cursor(cursor)


@functools.cache
def _composed_debug_wrapper() -> type:
    from django.db.backends.postgresql.base import CursorDebugWrapper

    class ComposedDebugWrapper(CursorDebugWrapper):
        """Logs the statement with its parameters: a prepared execution leaves no query text
        behind for Django's last_executed_query() to read."""

        def debug_sql(self, sql=None, params=None, use_last_executed_query=False, many=False):
            return super().debug_sql(self.db.ops.compose_sql(sql, params), None, False, many)

    return ComposedDebugWrapper


class CompiledValues:
    """A values() query built and compiled once per database connection, then run again with
    other values for its parameters: for the hottest reads (a claim's detail, a token, a feed
    page's citations), where building and compiling the ORM statement cost several times what
    the database takes to answer it. The statement and the conversions of its columns (JSON,
    datetimes) stay the ORM's own.

    `build(value)` must give the same statement for every value, with `value` as one of its
    parameters (rows()); or, for rows_in(), `build(values)` a statement with each of a list of
    distinct values as one parameter, in order (`field__in=values`), compiled once per length.
    """

    def __init__(self, build: Callable[[Any], QuerySet], *, sentinel: Any = -(10**18) - 7) -> None:
        # The sentinel stands for the value while compiling: never a real parameter's value
        # (the default: ids are positive, and ID_PATTERN caps them at 18 digits).
        self._build = build
        self._sentinel = sentinel
        # Per thread, as Django's connections are (the converters are the connection's), and
        # a thread's entries go with the thread.
        self._local = threading.local()

    def _compile(self, argument: Any, sentinels: list) -> tuple:
        queryset = self._build(argument)
        query = queryset.query
        compiler = query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        positions = [i for i, param in enumerate(params) if param in sentinels]
        if [params[i] for i in positions] != sentinels:
            raise ValueError("CompiledValues needs each value as exactly one parameter.")
        if query.selected:
            names = list(query.selected)
        else:  # as django.db.models.query.ValuesIterable names the columns
            names = [*query.extra_select, *query.values_select, *query.annotation_select]
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = compiler.get_converters(fields)
        return sql, list(params), positions, compiler, converters, names

    def _run(self, key: Any, argument: Any, sentinels: list, values: list) -> list[dict]:
        wrapper = connections["default"]
        cache = getattr(self._local, "statements", None)
        if cache is None or self._local.wrapper is not wrapper:
            cache = self._local.statements = {}
            self._local.wrapper = wrapper
        compiled = cache.get(key)
        if compiled is None:
            compiled = cache[key] = self._compile(argument, sentinels)
        sql, params, positions, compiler, converters, names = compiled
        params = list(params)
        for position, value in zip(positions, values, strict=True):
            params[position] = value
        with statement_cursor(wrapper) as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        # As SQLCompiler.results_iter() converts rows, with its converters found once.
        rows = compiler.apply_converters(fetched, converters) if converters else fetched
        indexes = range(len(names))
        return [{names[i]: row[i] for i in indexes} for row in rows]

    def rows(self, value: Any) -> list[dict[str, Any]]:
        return self._run(None, self._sentinel, [self._sentinel], [value])

    def rows_in(self, values: list) -> list[dict[str, Any]]:
        """The rows for a list of distinct values (none: no query)."""
        if not values:
            return []
        sentinels = [self._sentinel - i for i in range(len(values))]
        return self._run(len(values), sentinels, sentinels, values)
