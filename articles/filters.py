"""The filters of the public lists and of the ninjs API, one FilterSet for both.

Parameters: section (slug), agency (slug), role (the part the agency played, with or without
an agency), source_language (BCP 47, "ru" also matches "ru-RU"), published_after and
published_before (YYYY-MM-DD, inclusive, UTC). An invalid value makes the whole request a 400
whose message names the parameter; the views never guess.
"""

import copy
import re
from collections.abc import Collection
from functools import cache

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django_filters.fields import ChoiceField, ModelChoiceField

from .cache import AGENCY_KEY, cached_for_site, public_sections
from .models import Agency, AttributionRole, Section, StoryQuerySet
from .provenance import source_language_q

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def validate_language_tag(value: str) -> None:
    if not LANGUAGE_TAG.match(value):
        raise ValidationError(
            "Enter a BCP 47 language tag such as ru, en or kk-Cyrl.", code="invalid"
        )


_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def validate_no_control_characters(value: str) -> None:
    if _CONTROL_CHARACTER.search(value):
        raise ValidationError("Remove the control characters from the words.", code="control")


class SearchForm(forms.Form):
    """The search words. NUL and other control characters are refused here, before PostgreSQL
    would refuse them with an error; very long queries too (the search reads the first 200
    characters of a reasonable one)."""

    q = forms.CharField(
        required=False, max_length=1000, validators=[validate_no_control_characters]
    )


class StoryFilterForm(forms.Form):
    def clean(self) -> dict:
        cleaned = super().clean()
        after, before = cleaned.get("published_after"), cleaned.get("published_before")
        if after and before and after > before:
            self.add_error(
                "published_before", "This date is before published_after; the range is empty."
            )
        return cleaned


class SharedField:
    """A form field that the forms of every request share. Django deep-copies a form's fields
    for each form, so that one may change them; for the public filter form, which changes
    none, copying cost more than validating."""

    def __deepcopy__(self, memo: dict) -> "SharedField":
        return self


class SectionField(SharedField, ModelChoiceField):
    """A section by its slug, found among the cached sections (the navigation's) rather than
    by a query on every list of a section; a slug they lack is looked up (a section made
    since, by other means than the admin, which purges the cache)."""

    def to_python(self, value: str | None) -> Section | None:
        if value in self.empty_values:
            return None
        for section in public_sections():
            if section.slug == value:
                return section
        return super().to_python(value)


class SharedFilter:
    """A filter that each request's FilterSet copies shallowly rather than deeply, as
    django-filter does: copying the filters, their querysets and their fields deeply was
    a third of what a public list costs a request. Such a filter keeps nothing of a request,
    and none has a `method=` (which would bind it to the FilterSet it was copied for)."""

    def __deepcopy__(self, memo: dict) -> "SharedFilter":
        return copy.copy(self)


class SectionFilter(SharedFilter, filters.ModelChoiceFilter):
    field_class = SectionField


class AgencyField(SharedField, ModelChoiceField):
    """An agency by its slug, kept in the cache until the site is purged (as editing an agency
    in the admin or loading the agency list does) rather than read on every request of its
    list; a slug no agency has is looked up every time, so a new agency is found at once."""

    def to_python(self, value: str | None) -> Agency | None:
        if value in self.empty_values:
            return None
        if not SLUG.match(value):  # never a cache key: no agency has it
            return super().to_python(value)
        return cached_for_site(
            AGENCY_KEY.format(slug=value), lambda: super(AgencyField, self).to_python(value)
        )


class CreditFilter(SharedFilter, filters.Filter):
    """Agency and role narrow the same provenance link together: StoryFilterSet.filter_queryset
    applies both at once (credited_to)."""

    def filter(self, queryset: StoryQuerySet, value: object) -> StoryQuerySet:
        return queryset


class AgencyFilter(CreditFilter, filters.ModelChoiceFilter):
    field_class = AgencyField


class RoleField(SharedField, ChoiceField):
    pass


class RoleFilter(CreditFilter, filters.ChoiceFilter):
    field_class = RoleField


class SourceLanguageField(SharedField, forms.CharField):
    pass


class SourceLanguageFilter(SharedFilter, filters.CharFilter):
    """The language a story was translated from: "ru" also matches "ru-RU"."""

    field_class = SourceLanguageField

    def filter(self, queryset: StoryQuerySet, value: str) -> StoryQuerySet:
        return queryset.filter(source_language_q(value)) if value else queryset


class DateField(SharedField, forms.DateField):
    pass


class DateFilter(SharedFilter, filters.DateFilter):
    field_class = DateField


class StoryFilterSet(filters.FilterSet):
    section = SectionFilter(queryset=Section.objects.all(), to_field_name="slug", label="Section")
    agency = AgencyFilter(queryset=Agency.objects.all(), to_field_name="slug", label="Agency")
    role = RoleFilter(choices=AttributionRole.choices, label="Part the agency played")
    source_language = SourceLanguageFilter(
        validators=[validate_language_tag],
        label="Translated from (language)",
        max_length=35,
    )
    published_after = DateFilter(
        field_name="publish_at", lookup_expr="date__gte", label="Published on or after"
    )
    published_before = DateFilter(
        field_name="publish_at", lookup_expr="date__lte", label="Published on or before"
    )

    class Meta:
        form = StoryFilterForm
        fields: list[str] = []

    # A list that shows only its newest stories (a page of a list in publication order) sets
    # how many, so that the provenance filter reads no more than those (credited_to).
    newest: int | None = None

    def get_form_class(self) -> type[forms.Form]:
        return _form_class(type(self))

    def narrowed(self, *, besides: Collection[str] = ()) -> bool:
        """Whether the request gives a value to a filter, other than those in `besides` (which
        a page's own address may set)."""
        return any(self.data.get(name) for name in self.filters if name not in besides)

    def filter_queryset(self, queryset: StoryQuerySet) -> StoryQuerySet:
        queryset = super().filter_queryset(queryset)
        agency = self.form.cleaned_data.get("agency")
        role = self.form.cleaned_data.get("role")
        if agency or role:
            queryset = queryset.credited_to(agency=agency, role=role or None, newest=self.newest)
        return queryset

    @property
    def error_messages(self) -> dict[str, list[str]]:
        """{parameter: [messages]} for a 400 answer."""
        return {
            name: [str(message) for message in messages] for name, messages in self.errors.items()
        }


@cache
def _form_class(filterset: type[filters.FilterSet]) -> type[forms.Form]:
    """The form of a FilterSet, built once: django-filter builds a form class (and its fields)
    for every filterset, which is half of what filtering a public list costs a request. The
    fields come from copies of the filters, so that the filters each request copies stay as
    light as declared."""
    fields = {name: f.field for name, f in copy.deepcopy(filterset.base_filters).items()}
    return type(f"{filterset.__name__}Form", (filterset._meta.form,), fields)
