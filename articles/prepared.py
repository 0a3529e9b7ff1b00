"""The statements of the public lists, compiled once per process rather than per request.

An unfiltered public list (the home page, a section, an agency) runs the same statement on
every request, but for the time of the request: Story.objects.live() compares the publish time
with now. Building and compiling that queryset costs Django more than PostgreSQL takes to run
it, so a `PreparedRows` compiles it once, for a moment that no request has (MARK), and runs
that SQL with MARK's parameter replaced by the time of each request: the rows are those the
queryset built then would read. What is live is still decided by live(), whose SQL it is, and
by the database on every request.

Only lists whose statement depends on nothing else of the request are prepared (their key
says what they depend on: the section, the page); a list narrowed by the reader's filters is
built per request as before.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

# No story is published at this moment: its parameter in a statement is the time of a request.
MARK = datetime(1970, 1, 1, 0, 0, 0, 271828, tzinfo=UTC)
# Enough for every list's first pages; a page further back is compiled again when needed.
KEPT = 512


@dataclass(frozen=True)
class Statement:
    compiler: SQLCompiler  # kept for its converters: what turns a column into a value
    sql: str
    params: tuple[Any, ...]
    moments: tuple[int, ...]  # the places of MARK's parameter in params

    @classmethod
    def compile(cls, queryset: QuerySet) -> "Statement":
        compiler = queryset.query.get_compiler(queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # pk__in=[]: a statement that reads nothing
            return cls(compiler, "", (), ())
        mark = compiler.connection.ops.adapt_datetimefield_value(MARK)
        moments = tuple(place for place, value in enumerate(params) if value == mark)
        return cls(compiler, sql, tuple(params), moments)

    def run(self, at: datetime) -> list[tuple]:
        if not self.sql:
            return []
        connection = connections[self.compiler.using]
        params = list(self.params)
        moment = connection.ops.adapt_datetimefield_value(at)
        for place in self.moments:
            params[place] = moment
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        return list(self.compiler.results_iter([rows], tuple_expected=True))


_statements: dict[Hashable, Statement] = {}


class PreparedRows:
    """The rows of `build(MARK)` read at the time of the request, sliced as a paginator does.

    `build` returns the list's queryset (values_list rows) for a moment; `key` names
    everything else the queryset depends on, the same key always building the same
    statement.
    """

    def __init__(self, key: Hashable, build: Callable[[datetime], QuerySet], *, row=tuple):
        self.key = key
        self.build = build
        self.row = row
        self.ordered = True  # for the paginator: build() orders its rows

    def __getitem__(self, window: slice) -> list:
        key = (self.key, window.start, window.stop)
        statement = _statements.get(key)
        if statement is None:
            if len(_statements) >= KEPT:
                _statements.clear()
            statement = Statement.compile(self.build(MARK)[window])
            _statements[key] = statement
        return [self.row(*values) for values in statement.run(timezone.now())]
