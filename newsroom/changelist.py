"""Admin change lists that stay fast at archive scale.

Django's change list counts its rows twice a page (the filtered count for the paginator, the full
count beside it) and lists the choices of a plain field filter with a DISTINCT over the whole
table. On 100,000 stories or a million audit events each of those reads every row. The change
lists of the big tables set ``show_full_result_count = False`` and use the classes here:

- EstimatedCountPaginator counts exactly what is cheap to count and takes PostgreSQL's estimate
  for the rest (the page then says "about 100,000 stories");
- IndexedValuesFieldListFilter finds a column's distinct values with one index probe per value;
- NextPagePaginator, for a list whose rows are computed (the wire queue), counts nothing at all.

Django's change list also asks its paginator for the number of rows before it shows a page; on a
list whose rows are computed (the wire queue: one row per event, its state derived from the
translations) that count reads the whole table every time. NextPagePaginator instead reads the
ids of the page shown plus one, then those rows: it knows whether there is a next page, never
how many there are. The list needs an ordering that an index gives, for the ids' LIMIT.

Use it from ModelAdmin.get_paginator(), which knows the page asked for (see
`for_request`), with `show_full_result_count = False` and `list_max_show_all = list_per_page`
(a "Show all" link would read the whole list). `count` is then the rows up to the page shown,
plus one if there are more: templates say "more" where `has_more` is set.
"""

import json
from functools import cached_property

from django.contrib.admin import AllValuesFieldListFilter
from django.contrib.admin.views.main import PAGE_VAR
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.http import HttpRequest


def estimated_rows(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows `queryset` returns, or None where there is none.

    Unfiltered, the table's row count as of its last ANALYZE (pg_class.reltuples); filtered, the
    planner's estimate for the query, which costs a plan but reads no rows.
    """
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    query = queryset.query
    with connection.cursor() as cursor:
        if not query.where and not query.distinct:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                [queryset.model._meta.db_table],
            )
            row = cursor.fetchone()
            # -1: never analyzed, so no estimate (an exact count then).
            return int(row[0]) if row and row[0] >= 0 else None
        sql, params = queryset.order_by().query.sql_with_params()
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """A paginator that never counts more than EXACT_BELOW rows.

    Below that the count is exact (a filter that leaves a few hundred stories says how many);
    above it, PostgreSQL's estimate stands in and `estimated` is True. Other databases count.
    """

    EXACT_BELOW = 10_000
    estimated = False

    @cached_property
    def count(self) -> int:
        estimate = estimated_rows(self.object_list)
        if estimate is None or estimate < self.EXACT_BELOW:
            return super().count
        self.estimated = True
        return estimate


class IndexedValuesFieldListFilter(AllValuesFieldListFilter):
    """AllValuesFieldListFilter without its DISTINCT over the whole table.

    The values come from a recursive query that asks the column's index for the next value
    after the last one found (a "loose index scan"): a few probes for a handful of languages,
    whatever the table's size. The column needs an index and no NULLs; the choices are the
    column's values in the whole table, as a language or a status is no secret.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = distinct_values(model._default_manager.all(), field.column)


def distinct_values(queryset: QuerySet, column: str) -> list:
    connection = connections[queryset.db]
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    column = connection.ops.quote_name(column)
    sql = (
        f"WITH RECURSIVE found(value) AS ("
        f" SELECT MIN({column}) FROM {table}"
        f" UNION ALL"
        f" SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.value)"
        f" FROM found WHERE found.value IS NOT NULL"
        f") SELECT value FROM found WHERE value IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


class NextPagePaginator(Paginator):
    """Reads rows [offset, offset + per_page] of the page `number` once, and nothing else."""

    def __init__(self, object_list, per_page, *, number: int = 1, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.number = max(number, 1)

    @classmethod
    def for_request(cls, request: HttpRequest, object_list, per_page, **kwargs):
        try:
            number = int(request.GET.get(PAGE_VAR, 1))
        except ValueError:
            number = 1  # the change list answers a bad page number with its first page
        return cls(object_list, per_page, number=number, **kwargs)

    @cached_property
    def _window(self) -> list:
        offset = (self.number - 1) * self.per_page
        # The ids first, then the rows by id: what each row computes (subqueries, prefetches)
        # is planned for the page's rows, not for the table (PostgreSQL hashes a subquery it
        # expects to run for every row, reading its whole table once).
        ids = self.object_list.prefetch_related(None).values_list("pk", flat=True)
        ids = list(ids[offset : offset + self.per_page + 1])
        return list(self.object_list.filter(pk__in=ids)) if ids else []

    @cached_property
    def has_more(self) -> bool:
        """Whether there is a page after the one asked for."""
        return len(self._window) > self.per_page

    @cached_property
    def count(self) -> int:
        # Past the last row, a page beyond it stays out of range (num_pages < number).
        return (self.number - 1) * self.per_page + len(self._window)

    def page(self, number) -> Page:
        number = self.validate_number(number)
        if number == self.number:
            return self._get_page(self._window[: self.per_page], number, self)
        return super().page(number)
