"""Word-level differences between two texts, marked up for translators.

Word level rather than character level: a translator reads "2014 → 2015" or "said → stated",
not a scatter of changed letters.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def html_word_diff(old: str, new: str) -> SafeString:
    """`new` with the words not in `old` in <ins> and the words gone from `old` in <del>."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    parts: list[str] = []
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(new_tokens[b1:b2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", "".join(new_tokens[b1:b2])))
    return mark_safe("".join(parts))  # every part above is escaped
