"""Credit: the credit line the agency's licence requires, naming the agency."""

from collections.abc import Iterator

from .base import Issue, QAContext, Severity


def check(context: QAContext) -> Iterator[Issue]:
    if not context.agency_name:
        return
    credit = context.credit_line.strip()
    if not credit:
        if context.agency_requires_credit:
            yield Issue(
                "credit.missing",
                Severity.ERROR,
                f"{context.agency_name}'s licence requires a credit line, and it is empty.",
            )
        return
    if context.agency_name.casefold() not in credit.casefold():
        yield Issue(
            "credit.agency",
            Severity.WARNING,
            f"The credit line “{credit}” does not name {context.agency_name}.",
        )
