"""Near matches kept with each translation, so that opening the desk does not search the memory.

Searching 100,000 memory entries for a 40-paragraph story takes most of a second; the desk is
opened far more often than the source or the memory changes. So the offers for each source text
of a translation (one source paragraph, or the several one target paragraph translates) are kept
in MemoryOffers, and the desk reads them in one query.

Whether kept offers still hold is derived, never a flag to remember: they are for a source text
(its hash) and a memory generation (the newest entry of the language pair). A rebased or merged
paragraph has a new text, so no offers yet; an approval adds entries, so a newer generation. The
desk looks up on the spot only what is missing or stale, and keeps it. A task refreshes the
offers of a translation when its source changes (claim, rebase) and of every translation still
being worked on in a language pair when its memory grows, so that the desk rarely has to.

Memory entries are only ever added (an approval's pairs; nothing edits or deletes them), which
is what makes the newest entry's id a generation.
"""

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from translations.memory import MemoryMatch, memory_fuzzy, text_hash
from translations.models import MemoryEntry, MemoryOffers, Translation


def memory_generation(*, source_language: str, target_language: str) -> int:
    """The newest memory entry of the language pair (0: none): it grows whenever the memory does.
    One index look-up (memory_pair_newest)."""
    newest = MemoryEntry.objects.filter(
        source_language=source_language, target_language=target_language
    ).aggregate(newest=Max("pk"))["newest"]
    return newest or 0


def _as_json(matches: list[MemoryMatch]) -> list[dict]:
    return [
        {
            "entry": m.entry_id,
            "source": m.source_text,
            "target": m.target_text,
            "score": m.score,
            "diff": str(m.diff_html),
        }
        for m in matches
    ]


def _from_json(stored: list[dict], query: str) -> list[MemoryMatch]:
    return [
        MemoryMatch(m["entry"], m["source"], m["target"], m["score"], query, m.get("diff"))
        for m in stored
    ]


def _keep(translation: Translation, generation: int, found: dict[str, list[MemoryMatch]]) -> None:
    # Two desks (or a desk and the task) may look the same text up at once: the last one wins,
    # and both found the same.
    MemoryOffers.objects.bulk_create(
        [
            MemoryOffers(
                translation=translation,
                source_hash=source_hash,
                memory_generation=generation,
                matches=_as_json(matches),
            )
            for source_hash, matches in found.items()
        ],
        update_conflicts=True,
        unique_fields=["translation", "source_hash"],
        update_fields=["memory_generation", "matches", "looked_up_at"],
    )


def _look_up(translation: Translation, texts: Sequence[str]) -> list[list[MemoryMatch]]:
    return memory_fuzzy(
        texts,
        source_language=translation.source_language,
        target_language=translation.target_language,
    )


def memory_offers(translation: Translation, texts: Sequence[str]) -> list[list[MemoryMatch]]:
    """The near matches for each source text (as memory_fuzzy offers them): the kept ones where
    they still hold, the others looked up now and kept. A fixed number of queries, however many
    texts: two when every offer holds."""
    generation = memory_generation(
        source_language=translation.source_language, target_language=translation.target_language
    )
    hashes = [text_hash(text) if text.strip() else "" for text in texts]
    kept = {
        offers.source_hash: offers.matches
        for offers in MemoryOffers.objects.filter(
            translation=translation,
            source_hash__in={h for h in hashes if h},
            memory_generation=generation,
        ).only("source_hash", "matches")
    }
    missing = sorted({h: i for i, h in enumerate(hashes) if h and h not in kept}.values())
    if missing:
        found = _look_up(translation, [texts[i] for i in missing])
        fresh = {hashes[i]: matches for i, matches in zip(missing, found, strict=True)}
        _keep(translation, generation, fresh)
        kept |= {h: _as_json(matches) for h, matches in fresh.items()}
    return [_from_json(kept[h], text) if h else [] for h, text in zip(hashes, texts, strict=True)]


def translation_source_texts(translation: Translation) -> list[str]:
    """The source text of each saved target paragraph: what the desk offers matches for."""
    source = translation.wire_story.paragraphs
    texts = []
    for paragraph in translation.story.paragraphs.select_related("alignment").order_by("position"):
        alignment = getattr(paragraph, "alignment", None)
        indexes = [i for i in (alignment.source_indexes if alignment else []) if i < len(source)]
        if indexes:
            texts.append("\n".join(source[i] for i in indexes))
    return texts


def memory_offers_refresh(translation: Translation) -> int:
    """Look up again the offers of every source text the translation's paragraphs translate, and
    forget those no paragraph translates any more (a rebase's old source). Returns how many
    texts now have offers kept."""
    generation = memory_generation(
        source_language=translation.source_language, target_language=translation.target_language
    )
    texts = list(dict.fromkeys(t for t in translation_source_texts(translation) if t.strip()))
    found = dict(zip((text_hash(t) for t in texts), _look_up(translation, texts), strict=True))
    with transaction.atomic():
        MemoryOffers.objects.filter(translation=translation).exclude(
            source_hash__in=list(found)
        ).delete()
        _keep(translation, generation, found)
    return len(found)
