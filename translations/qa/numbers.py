"""Numbers: every number of the source must be in the translation, with the same value.

Numbers are compared by value, read with each language's own separators: "1,500.5" in English
is "1 500,5" in Russian, "2014-м" and "2014th" are 2014, and "1.5 million" is "1,5 млн".
"""

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from .base import Issue, QAContext, Severity, primary_language

# Languages that write a decimal comma; the others write a decimal point.
# fmt: off
DECIMAL_COMMA = frozenset((
    "az", "be", "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "hr", "hu", "hy", "id",
    "it", "ka", "kk", "ky", "lt", "lv", "mn", "nb", "nl", "no", "pl", "pt", "ro", "ru", "sk",
    "sl", "sq", "sr", "sv", "tg", "tk", "tr", "uk", "uz", "vi",
))
# Of those, the languages that group thousands with a space rather than with a dot.
SPACE_GROUPING = frozenset((
    "az", "be", "bg", "cs", "et", "fi", "fr", "hu", "hy", "ka", "kk", "ky", "lt", "lv", "mn",
    "nb", "no", "pl", "ru", "sk", "sq", "sv", "tg", "tk", "uk", "uz",
))
# fmt: on
SPACES = "\u00a0\u202f\u2009 "
SCALES = {
    "thousand": 3,
    "million": 6,
    "mln": 6,
    "billion": 9,
    "bn": 9,
    "trillion": 12,
    "тыс": 3,
    "тысяч": 3,
    "тысячи": 3,
    "тысяча": 3,
    "мың": 3,
    "млн": 6,
    "миллион": 6,
    "миллиона": 6,
    "миллионов": 6,
    "млрд": 9,
    "миллиард": 9,
    "миллиарда": 9,
    "миллиардов": 9,
    "трлн": 12,
}
_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*")
_SCALE = re.compile(r"[\s\u00a0]*([^\W\d_]+)")
_SEPARATOR = re.compile(r"([.,\u00a0\u202f\u2009 ])")
# Single digits are often spelled out ("two ministers"), so their absence only warns.
SPELLED_OUT_BELOW = 10


def _conventions(language: str) -> tuple[str, str]:
    """(decimal separator, thousands separators) of a language."""
    primary = primary_language(language)
    if primary in SPACE_GROUPING:
        return ",", SPACES + "."
    if primary in DECIMAL_COMMA:
        return ",", ".\u00a0\u202f\u2009"
    return ".", ",\u00a0\u202f\u2009"


def _values(token: str, language: str) -> Iterator[Decimal]:
    decimal, grouping = _conventions(language)
    pieces = _SEPARATOR.split(token)
    current, fraction = pieces[0], False
    for separator, digits in zip(pieces[1::2], pieces[2::2], strict=True):
        grouped_so_far = len(current.split(".")[0]) <= 3 or "_" in current
        if separator in grouping and len(digits) == 3 and not fraction and grouped_so_far:
            # Mark the number as grouped, so that "1 500 000" keeps grouping past 3 digits.
            current = current + "_" + digits
        elif not fraction and (separator == decimal or separator == "."):
            current, fraction = current + "." + digits, True
        else:
            yield Decimal(current.replace("_", ""))
            current, fraction = digits, False
    yield Decimal(current.replace("_", ""))


def numbers_in(text: str, language: str) -> Counter:
    """The numbers of a text by value, scaled by a following "million", "млн"…"""
    found: Counter = Counter()
    for match in _TOKEN.finditer(text):
        values = list(_values(match.group(), language))
        scale = _SCALE.match(text, match.end())
        if scale and scale.group(1).lower() in SCALES:
            values[-1] = values[-1].scaleb(SCALES[scale.group(1).lower()])
        found.update(v.normalize() for v in values)
    return found


def _shown(value: Decimal) -> str:
    return f"{value:f}"


def check(context: QAContext) -> Iterator[Issue]:
    for segment in context.segments:
        if not segment.target.strip():
            continue
        source = numbers_in(segment.source, context.source_language)
        target = numbers_in(segment.target, context.target_language)
        missing, extra = source - target, target - source
        if missing:
            serious = [v for v in missing if v >= SPELLED_OUT_BELOW or v != v.to_integral()]
            listed = ", ".join(sorted(_shown(v) for v in missing.elements()))
            message = f"{segment.label}: {listed} in the source is missing from the translation"
            if extra:
                shown = ", ".join(sorted(_shown(v) for v in extra.elements()))
                message += f", which has {shown} instead"
            yield Issue(
                "numbers",
                Severity.ERROR if serious else Severity.WARNING,
                message + ".",
                segment.key,
            )
        elif extra:
            shown = ", ".join(sorted(_shown(v) for v in extra.elements()))
            yield Issue(
                "numbers.extra",
                Severity.WARNING,
                f"{segment.label}: {shown} is in the translation but not in the source.",
                segment.key,
            )
