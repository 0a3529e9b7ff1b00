"""The agency registry: loading the shipped, reviewed list of wire agencies.

The list (``articles/data/agencies.json``) gives each agency its name, slug, website, usual
language, credit line and the other names it is credited by, in its own scripts. Loading is
idempotent and never undoes an editor's work: an agency already in the registry (found by slug,
else by name) keeps every field an editor has filled in; only empty fields are filled and missing
aliases added. ``overwrite=True`` replaces website, language and credit line with the shipped
values (never the name, which may be printed on published stories). An alias already held by
another agency stays where it is and is reported, since moving it would silently change which
agency past and future credits resolve to.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from articles.cache import purge_public_pages
from articles.models import Agency, AgencyAlias

AGENCIES_FILE = Path(__file__).resolve().parent.parent / "data" / "agencies.json"
_FILLABLE = ("website", "default_language", "credit_template")
_REQUIRED = ("slug", "name")


class AgencyListError(ValueError):
    """The list itself is unusable; the message names the entry and field."""


@dataclass(frozen=True)
class AgencyEntry:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    website: str = ""
    default_language: str = ""
    credit_template: str = "Translated from {agency}"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # kept editor values, alias conflicts


def read_agency_list(path: Path = AGENCIES_FILE) -> list[AgencyEntry]:
    """Parse and check the list; AgencyListError names what is wrong and where."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise AgencyListError(f"{path}: {error}") from None
    entries = document.get("agencies") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise AgencyListError(f'{path}: expected an object with an "agencies" array')
    return [_entry(raw, f"{path}: agencies[{index}]") for index, raw in enumerate(entries)]


def _entry(raw: Any, where: str) -> AgencyEntry:
    if not isinstance(raw, dict):
        raise AgencyListError(f"{where}: expected an object")
    for key in _REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise AgencyListError(f"{where}: {key!r} is missing or empty")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise AgencyListError(f"{where}: 'aliases' must be a list of names")
    template = raw.get("credit_template") or AgencyEntry.credit_template
    if "{agency}" not in template:
        raise AgencyListError(f"{where}: 'credit_template' must contain {{agency}}")
    return AgencyEntry(
        slug=raw["slug"].strip(),
        name=raw["name"].strip(),
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        website=raw.get("website", ""),
        default_language=raw.get("default_language", ""),
        credit_template=template,
    )


@transaction.atomic
def agencies_load(*, entries: list[AgencyEntry], overwrite: bool = False) -> LoadReport:
    """Create or complete the agencies of ``entries``; see the module docstring for the rules."""
    report = LoadReport()
    for entry in entries:
        agency = (
            Agency.objects.filter(slug=entry.slug).first()
            or Agency.objects.filter(name__iexact=entry.name).first()
        )
        if agency is None:
            agency = Agency.objects.create(
                slug=entry.slug,
                name=entry.name,
                **{name: getattr(entry, name) for name in _FILLABLE},
            )
            report.created.append(entry.slug)
            changed = True
        else:
            changed = _complete(agency, entry, overwrite=overwrite, report=report)
        changed |= _add_aliases(agency, entry, report)
        if not changed:
            report.unchanged.append(agency.slug)
        elif agency.slug not in report.created:
            report.updated.append(agency.slug)
    if report.updated:
        # Names, credit lines and links show on public pages, which keep agencies cached.
        transaction.on_commit(purge_public_pages)
    return report


def _complete(agency: Agency, entry: AgencyEntry, *, overwrite: bool, report: LoadReport) -> bool:
    changed = []
    for name in _FILLABLE:
        shipped, current = getattr(entry, name), getattr(agency, name)
        if current == shipped or not shipped:
            continue
        if overwrite or not current or (name == "credit_template" and current == _default()):
            setattr(agency, name, shipped)
            changed.append(name)
        else:
            report.notes.append(
                f"{agency.slug}: kept {name} {current!r} (the list has {shipped!r}; "
                "pass --overwrite to take the list's)"
            )
    if changed:
        agency.save(update_fields=changed)
    return bool(changed)


def _default() -> str:
    return Agency._meta.get_field("credit_template").default


def _add_aliases(agency: Agency, entry: AgencyEntry, report: LoadReport) -> bool:
    # Compared in Python: SQLite's lower() folds ASCII only, and these names are in many scripts.
    taken = {
        name.casefold(): owner
        for name, owner in AgencyAlias.objects.values_list("name", "agency__slug")
    }
    names = {name.casefold(): slug for name, slug in Agency.objects.values_list("name", "slug")}
    added = []
    for alias in dict.fromkeys(entry.aliases):
        key = alias.casefold()
        if key == agency.name.casefold() or taken.get(key) == agency.slug:
            continue
        if key in names:
            report.notes.append(
                f"{agency.slug}: alias {alias!r} is the name of {names[key]}; skipped"
            )
        elif key in taken:
            report.notes.append(
                f"{agency.slug}: alias {alias!r} belongs to {taken[key]}; left there "
                "(move it in the admin if the list is right)"
            )
        else:
            added.append(AgencyAlias(agency=agency, name=alias))
            taken[key] = agency.slug
    AgencyAlias.objects.bulk_create(added)
    return bool(added)


class AgencyDirectory:
    """Every registered agency by its name and aliases, read in one query when first asked.

    Ingest asks for an agency by name several times an item (the delivering agency, every
    credit); a run of deliveries (a command's files, a feed's poll) asks one directory, so the
    registry costs one query a run instead of one a name. A name matches as
    ``Agency.objects.by_name`` matches it: whitespace collapsed, case ignored (in every script,
    as ``casefold`` folds it); a name that is one agency's name and another's alias belongs to
    the agency of that name. An agency or alias added during a run is seen by the next run.
    """

    def __init__(self) -> None:
        self._by_name: dict[str, Agency] | None = None

    def get(self, name: str) -> Agency | None:
        """The agency called ``name`` or known by it as an alias; else None."""
        if self._by_name is None:
            self._by_name = self._load()
        return self._by_name.get(_key(name))

    @staticmethod
    def _load() -> dict[str, Agency]:
        by_name: dict[str, Agency] = {}
        agencies = list(Agency.objects.prefetch_related("aliases").order_by("name", "pk"))
        # Names before aliases, each agency by its order: the first to claim a key keeps it.
        for agency in agencies:
            by_name.setdefault(_key(agency.name), agency)
        for agency in agencies:
            for alias in agency.aliases.all():
                by_name.setdefault(_key(alias.name), agency)
        return by_name


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
