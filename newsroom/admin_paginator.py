"""A change-list paginator that never counts the list.

Django's change list asks its paginator for the number of rows before it shows a page; on a
list whose rows are computed (the wire queue: one row per event, its state derived from the
translations) that count reads the whole table every time. NextPagePaginator instead reads the
ids of the page shown plus one, then those rows: it knows whether there is a next page, never
how many there are. The list needs an ordering that an index gives, for the ids' LIMIT.

Use it from ModelAdmin.get_paginator(), which knows the page asked for (see
`for_request`), with `show_full_result_count = False` and `list_max_show_all = list_per_page`
(a "Show all" link would read the whole list). `count` is then the rows up to the page shown,
plus one if there are more: templates say "more" where `has_more` is set.
"""

from functools import cached_property

from django.contrib.admin.views.main import PAGE_VAR
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


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
