"""Pages of a list without counting it: a page reads one row more than it shows, which says
whether another page follows. A count of a 100,000-story archive on every list page would cost
more than the page itself; readers follow "older stories" links, and no page says "of 6,250".
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

# Past any list, and a larger offset than the database takes.
MAX_PAGE = 999_999


class WindowPage(Page):
    def __init__(self, object_list, number: int, paginator: "WindowPaginator", *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def start_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0

    @property
    def found(self) -> int | None:
        """How many rows the whole list has, when this page shows that (it is the last one)."""
        return None if self.more else (self.number - 1) * self.paginator.per_page + len(self)


class WindowPaginator(Paginator):
    """A Paginator that never counts: no `count` nor `num_pages`, pages past the end are empty."""

    def validate_number(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if number > MAX_PAGE:
            raise EmptyPage("That page is past the last story")
        return number

    def page(self, number) -> WindowPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        return WindowPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)

    @property
    def count(self) -> int:
        raise NotImplementedError("A WindowPaginator does not count its list.")

    num_pages = count
