"""The forms of the side-by-side editor, and the structural edits its buttons make.

Plain POST forms, so that the editor works without JavaScript: every button submits the whole
text with it, and structural edits (split, merge, add, drop, use a memory match) are applied to
the submitted paragraphs before they are saved, so that nothing typed is lost on the way.
"""

import re
from dataclasses import replace

from django import forms
from django.forms import formset_factory

from translations.models import ParagraphOrigin
from translations.services.desk import DeskParagraph, StoryText

# A blank line inside a paragraph's box splits it in two.
_BLANK_LINE = re.compile(r"\n\s*\n")


class DeskHeaderForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    headline = forms.CharField(
        max_length=500, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"})
    )
    summary = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"})
    )


class DeskParagraphForm(forms.Form):
    key = forms.CharField(required=False, max_length=16, widget=forms.HiddenInput)
    text = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"})
    )
    sources = forms.CharField(
        required=False,
        label="From source ¶",
        help_text="Numbers of the source paragraphs this paragraph translates, e.g. 3 or 3, 4.",
        widget=forms.TextInput(attrs={"size": 6, "inputmode": "numeric"}),
    )

    def clean_sources(self) -> tuple[int, ...]:
        raw = self.cleaned_data["sources"].replace(";", ",")
        numbers = [part.strip() for part in raw.split(",") if part.strip()]
        if not all(n.isdigit() and int(n) >= 1 for n in numbers):
            raise forms.ValidationError(
                "Write the source paragraph numbers separated by commas, e.g. 3, 4."
            )
        return tuple(sorted({int(n) - 1 for n in numbers}))


DeskParagraphFormSet = formset_factory(DeskParagraphForm, extra=0)


def formset_initial(paragraphs: list[DeskParagraph]) -> list[dict]:
    return [
        {
            "key": p.key,
            "text": p.text,
            "sources": ", ".join(str(i + 1) for i in p.source_indexes),
        }
        for p in paragraphs
    ]


def submitted_text(header: DeskHeaderForm, formset) -> StoryText:
    """The text as submitted, one paragraph per box (see split_blank_lines)."""
    return StoryText(
        headline=header.cleaned_data["headline"],
        summary=header.cleaned_data["summary"],
        paragraphs=[
            DeskParagraph(
                text=form.cleaned_data.get("text", "").strip(),
                key=form.cleaned_data.get("key", ""),
                source_indexes=form.cleaned_data.get("sources", ()),
            )
            for form in formset
        ],
    )


def split_blank_lines(paragraphs: list[DeskParagraph]) -> list[DeskParagraph]:
    """A blank line in a box makes a new paragraph, translating the same source paragraphs."""
    result: list[DeskParagraph] = []
    for paragraph in paragraphs:
        pieces = [p.strip() for p in _BLANK_LINE.split(paragraph.text)]
        result.append(replace(paragraph, text=pieces[0]))
        result.extend(
            DeskParagraph(text=piece, source_indexes=paragraph.source_indexes)
            for piece in pieces[1:]
        )
    return result


def merge_with_next(paragraphs: list[DeskParagraph], index: int) -> list[DeskParagraph]:
    if not 0 <= index < len(paragraphs) - 1:
        return paragraphs
    first, second = paragraphs[index], paragraphs[index + 1]
    merged = replace(
        first,
        text=" ".join(t for t in (first.text.strip(), second.text.strip()) if t),
        source_indexes=tuple(sorted({*first.source_indexes, *second.source_indexes})),
    )
    return [*paragraphs[:index], merged, *paragraphs[index + 2 :]]


def add_after(paragraphs: list[DeskParagraph], index: int, sources=()) -> list[DeskParagraph]:
    index = max(-1, min(index, len(paragraphs) - 1))
    new = DeskParagraph(text="", source_indexes=tuple(sources))
    return [*paragraphs[: index + 1], new, *paragraphs[index + 1 :]]


def add_for_source(paragraphs: list[DeskParagraph], source_index: int) -> list[DeskParagraph]:
    """A new paragraph for an untranslated source paragraph, where the source order puts it."""
    after = -1
    for number, paragraph in enumerate(paragraphs):
        if paragraph.source_indexes and max(paragraph.source_indexes) < source_index:
            after = number
    return add_after(paragraphs, after, sources=(source_index,))


def drop(paragraphs: list[DeskParagraph], index: int) -> list[DeskParagraph]:
    return [p for number, p in enumerate(paragraphs) if number != index]


def use_match(
    paragraphs: list[DeskParagraph], index: int, text: str, score: int
) -> list[DeskParagraph]:
    if not 0 <= index < len(paragraphs):
        return paragraphs
    chosen = replace(
        paragraphs[index], text=text, origin=ParagraphOrigin.MEMORY_FUZZY, memory_score=score
    )
    return [*paragraphs[:index], chosen, *paragraphs[index + 1 :]]


def split_at(paragraphs: list[DeskParagraph], index: int, offset: int) -> list[DeskParagraph]:
    """Split a box at the cursor (the script's Alt+Enter): both halves translate the same source
    paragraphs; without JavaScript a blank line in the box does the same on saving."""
    if not 0 <= index < len(paragraphs):
        return paragraphs
    paragraph = paragraphs[index]
    offset = max(0, min(offset, len(paragraph.text)))
    first = replace(paragraph, text=paragraph.text[:offset].strip())
    second = DeskParagraph(
        text=paragraph.text[offset:].strip(), source_indexes=paragraph.source_indexes
    )
    return [*paragraphs[:index], first, second, *paragraphs[index + 1 :]]
