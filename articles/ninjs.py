"""IPTC ninjs (News in JSON) for live stories, versions 2.2 and 3.1.

One builder writes the 2.2 shape; 3.1 is the same document with the camelCase names that 3.x
gave the same properties. Provenance travels in `infosources` with our own roles (see
README.md, "ninjs provenance roles": IPTC defines none for translation) and the wire story's
identity in `altids`.
"""

import json
from typing import Any

from django.conf import settings
from django.utils.html import escape

from .models import Agency, Attribution, Story
from .provenance import (
    credit_line,
    date_modified,
    machine_translation_disclosure,
    paragraph_provenance,
    source_of,
    translator_names,
)
from .site import absolute_url

type JSON = dict[str, Any]

VERSIONS = ("2.2", "3.1")
LATEST = "3.1"
SCHEMA_URIS = {
    "2.2": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#",
    "3.1": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}

ROLE_PREFIX = "newsroom:"
# Our roles for the parties of the chain (README.md, "ninjs provenance roles").
PUBLISHER_ROLE = f"{ROLE_PREFIX}published_by"
TRANSLATOR_ROLE = f"{ROLE_PREFIX}translated_by"
# Descriptions of how the text was made (README.md, "Machine translation and provenance").
MACHINE_TRANSLATION_ROLE = f"{ROLE_PREFIX}machine_translation_disclosure"
PARAGRAPH_PROVENANCE_ROLE = f"{ROLE_PREFIX}paragraph_provenance"

# The 2.x names that 3.x renamed; everything else is spelled the same in both.
_CAMEL_CASE = {
    "altids": "altIds",
    "charcount": "charCount",
    "contactinfo": "contactInfo",
    "contenttype": "contentType",
    "copyrightholder": "copyrightHolder",
    "copyrightnotice": "copyrightNotice",
    "embargoed": "embargoedUntil",
    "firstcreated": "firstCreated",
    "infosources": "infoSources",
    "pubstatus": "pubStatus",
    "representationtype": "representationType",
    "usageterms": "usageTerms",
    "versioncreated": "versionCreated",
    "wordcount": "wordCount",
}


def _iso(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _agency_source(agency: Agency | None, name: str, role: str) -> JSON:
    source: JSON = {"name": agency.name if agency else name, "role": f"{ROLE_PREFIX}{role}"}
    if agency is not None:
        source["uri"] = agency.website or absolute_url(agency.get_absolute_url())
        source["literal"] = agency.slug
    return source


def infosources(story: Story) -> list[JSON]:
    """The provenance chain, from us back to the original reporter."""
    sources: list[JSON] = [
        {"name": settings.SITE_NAME, "role": PUBLISHER_ROLE, "uri": absolute_url("/")}
    ]
    source = source_of(story)
    attributions: list[Attribution] = list(story.attributions.all())
    if source is not None:
        sources.append({"name": settings.SITE_NAME, "role": TRANSLATOR_ROLE})
        agency = source.agency
        # The translation record always names the agency translated from; an attribution
        # that repeats it is not listed twice.
        if not any(a.role == "translated_from" and a.agency_id == agency.pk for a in attributions):
            sources.append(_agency_source(agency, agency.name, "translated_from"))
    sources.extend(_agency_source(a.agency, a.credited_name, a.role) for a in attributions)
    return sources


def altids(story: Story) -> list[JSON]:
    ids = [{"role": f"{ROLE_PREFIX}slug", "value": story.slug}]
    source = source_of(story)
    if source is not None:
        wire = source.wire_story
        ids += [
            {"role": f"{ROLE_PREFIX}source_guid", "value": wire.guid},
            {"role": f"{ROLE_PREFIX}source_version", "value": str(wire.version)},
        ]
        if wire.agency_version:
            ids.append(
                {"role": f"{ROLE_PREFIX}source_agency_version", "value": wire.agency_version}
            )
        if wire.source_url:
            ids.append({"role": f"{ROLE_PREFIX}source_url", "value": wire.source_url})
    return ids


def _richtext(story: Story, per_paragraph: bool) -> str:
    if not per_paragraph:
        return "".join(f"<p>{escape(p.text)}</p>" for p in story.paragraphs.all())
    return "".join(
        f'<p data-newsroom-method="{p.method}" '
        f'data-newsroom-source-paragraphs="{" ".join(map(str, p.source_numbers))}">'
        f"{escape(p.text)}</p>"
        for p in story.paragraphs.all()
    )


def ninjs_2_2(story: Story, *, per_paragraph: bool = False, body: bool = True) -> JSON:
    """The story as ninjs 2.2; load it with provenance.with_provenance() and story_prefetch().

    `per_paragraph` (the editors' site setting) adds each paragraph's provenance. Without
    `body`, the item is partial (a list's): no bodies nor per-paragraph provenance; the machine
    translation disclosure stays.
    """
    item: JSON = {
        "uri": absolute_url(story.get_absolute_url()),
        "standard": {"name": "ninjs", "version": "2.2", "schema": SCHEMA_URIS["2.2"]},
        "type": "text",
        "representationtype": "full" if body else "partial",
        "profile": "newsroom-translation" if source_of(story) else "newsroom-story",
        "version": str(story.revision),
        "firstcreated": _iso(story.publish_at),
        "versioncreated": _iso(date_modified(story)),
        "pubstatus": "usable",
        "language": story.language,
        "slugline": story.slug,
        "headlines": [{"role": "main", "value": story.headline}],
        "infosources": infosources(story),
        "altids": altids(story),
    }
    if body:
        plain = "\n\n".join(p.text for p in story.paragraphs.all())
        item["bodies"] = [
            {
                "role": "main",
                "contenttype": "text/plain",
                "charcount": len(plain),
                "wordcount": len(plain.split()),
                "value": plain,
            },
            {
                "role": "richtext",
                "contenttype": "text/html",
                "value": _richtext(story, per_paragraph),
            },
        ]
    descriptions = []
    if story.summary:
        descriptions.append({"role": "summary", "value": story.summary})
    credit = credit_line(story)
    if credit:
        # Where IPTC G2 has creditline; ninjs has no property of its own for it.
        descriptions.append({"role": "creditline", "value": credit})
    descriptions += [
        {"role": "correction", "value": f"{_iso(c.created_at)}: {c.note}"}
        for c in story.corrections.all()
    ]
    disclosure = machine_translation_disclosure(story)
    if disclosure:
        descriptions.append({"role": MACHINE_TRANSLATION_ROLE, "value": disclosure})
    if body and per_paragraph and source_of(story) is not None:
        provenance = [
            paragraph_provenance(p, position)
            for position, p in enumerate(story.paragraphs.all(), start=1)
        ]
        descriptions.append(
            {
                "role": PARAGRAPH_PROVENANCE_ROLE,
                "contenttype": "application/json",
                "value": json.dumps(provenance, ensure_ascii=False),
            }
        )
    if descriptions:
        item["descriptions"] = descriptions
    if story.byline:
        item["by"] = story.byline
    if story.dateline:
        item["located"] = story.dateline
    if story.section is not None:
        item["subjects"] = [
            {"name": story.section.name, "rel": "section", "literal": story.section.slug}
        ]
    names = translator_names(story)
    if names:
        item["people"] = [{"name": name, "rel": "translator"} for name in names]
    return item


def _camel(value: Any) -> Any:
    if isinstance(value, dict):
        return {_CAMEL_CASE.get(key, key): _camel(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_camel(item) for item in value]
    return value


def ninjs(story: Story, version: str, *, per_paragraph: bool = False, body: bool = True) -> JSON:
    item = ninjs_2_2(story, per_paragraph=per_paragraph, body=body)
    if version == "2.2":
        return item
    item = _camel(item)
    item["standard"] = {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URIS["3.1"]}
    return item
