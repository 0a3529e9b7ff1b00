"""Schema.org JSON-LD for a story page: a NewsArticle that carries its provenance as data.

The chain of the sample reads: Kazinform reported (author), Trend published the text we
translated (translationOfWork, published by Trend, in Russian, at the version we used), we
translated and published it (publisher, translator, creditText "Translated from Trend").
Agencies an editor credits as having also reported the event are its contributors.
"""

from typing import Any

from django.conf import settings

from .models import Agency, Attribution, AttributionRole, Story
from .provenance import (
    attributions_with_role,
    credit_line,
    date_modified,
    machine_translation_disclosure,
    source_of,
    translator_names,
)
from .site import absolute_url

type JSON = dict[str, Any]


def publisher() -> JSON:
    return {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME, "url": absolute_url("/")}


def agency_organization(agency: Agency) -> JSON:
    return {
        "@type": "Organization",
        "name": agency.name,
        "url": agency.website or absolute_url(agency.get_absolute_url()),
    }


def attribution_organization(attribution: Attribution) -> JSON:
    if attribution.agency is not None:
        return agency_organization(attribution.agency)
    # An unresolved credit: the name as printed, and nothing we would have to invent.
    return {"@type": "Organization", "name": attribution.credited_name}


def _iso(moment) -> str | None:
    return moment.isoformat() if moment is not None else None


def source_work(story: Story) -> JSON | None:
    """The agency's story we translated, at the version we translated."""
    source = source_of(story)
    if source is None:
        return None
    wire = source.wire_story
    work: JSON = {
        "@type": "CreativeWork",
        "headline": wire.headline,
        "inLanguage": source.language,
        "publisher": agency_organization(wire.agency),
        "identifier": wire.guid,
        "version": wire.agency_version or str(wire.version),
    }
    if wire.source_url:
        work["url"] = wire.source_url
    if wire.sent_at:
        work["datePublished"] = _iso(wire.sent_at)
    reporters = attributions_with_role(story, AttributionRole.ORIGINAL_REPORTER)
    if reporters:
        work["author"] = [attribution_organization(a) for a in reporters]
    distributors = attributions_with_role(story, AttributionRole.DISTRIBUTED_BY)
    if distributors:
        work["provider"] = [attribution_organization(a) for a in distributors]
    return work


def news_article(story: Story) -> JSON:
    """The NewsArticle of a live story loaded with with_provenance() and story_prefetch()."""
    url = absolute_url(story.get_absolute_url())
    data: JSON = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "url": url,
        "mainEntityOfPage": url,
        "headline": story.headline,
        "inLanguage": story.language,
        "datePublished": _iso(story.publish_at),
        "dateModified": _iso(date_modified(story)),
        "publisher": publisher(),
        "isAccessibleForFree": True,
    }
    if story.summary:
        data["description"] = story.summary
    if story.section is not None:
        data["articleSection"] = story.section.name
    if story.dateline:
        data["dateline"] = story.dateline

    # The author is whoever did the reporting: the original reporter if the chain names one,
    # else the agency we translated from, else (an in-house story) ourselves.
    reporters = attributions_with_role(story, AttributionRole.ORIGINAL_REPORTER)
    source = source_of(story)
    if reporters:
        data["author"] = [attribution_organization(a) for a in reporters]
    elif source is not None:
        data["author"] = [agency_organization(source.agency)]
    else:
        data["author"] = [publisher()]
    if story.byline:
        data["author"].insert(0, {"@type": "Person", "name": story.byline})

    # The other agencies that reported the event, as the editor chose to credit them.
    also = attributions_with_role(story, AttributionRole.ALSO_REPORTED_BY)
    if also:
        data["contributor"] = [attribution_organization(a) for a in also]
    credit = credit_line(story)
    if credit:
        data["creditText"] = credit
    work = source_work(story)
    if work is not None:
        data["translationOfWork"] = work
        data["isBasedOn"] = work.get("url") or work
        names = translator_names(story)
        data["translator"] = [{"@type": "Person", "name": name} for name in names] or [publisher()]
    disclosure = machine_translation_disclosure(story)
    if disclosure:
        # schema.org's backstory: "why and how an article was created" (README.md).
        data["backstory"] = disclosure
    image = story.lead_image
    if image is not None:
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute_url(image.file.url),
            "width": image.width,
            "height": image.height,
            "caption": image.caption or image.alt_text,
            "creditText": image.credit,
        }
    corrections = list(story.corrections.all())
    if corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": _iso(c.created_at)}
            for c in corrections
        ]
    return data
