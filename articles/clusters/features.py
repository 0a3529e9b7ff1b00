"""What survives translation and paraphrase, as keys a wire story can be looked up by.

A wire story's features are numbers (``n:37``, ``n:1.5``), day-and-month dates (``d:06-03``),
named entities (``e:trnsk``), its dateline place (``p:astn``) and, for text similarity within a
language, MinHash LSH bands (``b:ru:3:1f2e…``). Names are transliterated to ASCII (anyascii
knows Cyrillic Russian and Kazakh, Latin Turkish and Azerbaijani) and reduced to a short
consonant skeleton, so that "Токаевым", "Tokayev" and "Tokaev" are one key, as are
"Trans-Caspian" and "Транскаспийский".
"""

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache

from anyascii import anyascii

NUM_PERM = 64
LSH_BANDS = 16
LSH_ROWS = NUM_PERM // LSH_BANDS
SKELETON_LENGTH = 5
MIN_SKELETON_LENGTH = 3


class Kind:
    NUMBER = "n"
    DATE = "d"
    ENTITY = "e"
    PREFIX = "f"
    PLACE = "p"
    BAND = "b"


@dataclass
class Features:
    # key -> the surface form first seen, for explanations ("37 %", "Trans-Caspian").
    labels: dict[str, str] = field(default_factory=dict)
    signature: list[int] = field(default_factory=list)

    def add(self, key: str, label: str) -> None:
        self.labels.setdefault(key[:64], label[:100])


# A thousands separator is followed by exactly three digits; anything else is a decimal point.
NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
THOUSANDS = re.compile(r"[ \u00a0\u202f.,](?=\d{3}(?!\d))")
SPACE_IN_NUMBER = re.compile(r"[ \u00a0\u202f]")

# Month name stems after transliteration: English, Russian, Kazakh, Turkish, Azerbaijani.
MONTHS = {
    1: ("jan", "yanvar", "qantar", "kantar", "ocak"),
    2: ("feb", "fevral", "aqpan", "akpan", "subat"),
    3: ("mar", "nauryz", "nawryz"),
    4: ("apr", "sauir", "nisan"),
    5: ("may", "maya", "mamyr", "mayis"),
    6: ("jun", "iyun", "mausym", "haziran"),
    7: ("jul", "iyul", "shilde", "temmuz"),
    8: ("aug", "avgust", "avqust", "tamyz", "agustos"),
    9: ("sep", "sentyabr", "qyrkuyek", "kyrkuyek", "eylul"),
    10: ("oct", "oktyabr", "qazan", "ekim"),
    11: ("nov", "noyabr", "qarasha", "kasim"),
    12: ("dec", "dekabr", "zheltoqsan", "aralik"),
}
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:-?(?:th|st|nd|rd|go|ge|inchi|nchi))?\s+([a-z]+)")
MONTH_DAY = re.compile(r"\b([a-z]+)\s+(\d{1,2})\b(?!\d)")

# Capitalised words that are not names; sentence-initial function words in the desk's languages.
NOT_NAMES = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "according",
        "in",
        "on",
        "at",
        "of",
        "for",
        "with",
        "from",
        "by",
        "after",
        "before",
        "during",
        "and",
        "but",
        "he",
        "she",
        "it",
        "we",
        "they",
        "his",
        "her",
        "its",
        "their",
        "there",
        "here",
        "also",
        "however",
        "meanwhile",
        "earlier",
        "as",
        "if",
        "when",
        "while",
        "today",
        "yesterday",
        "tomorrow",
        "said",
        "says",
        "minister",
        "ministry",
        "president",
        "в",
        "во",
        "на",
        "по",
        "с",
        "со",
        "к",
        "о",
        "об",
        "от",
        "для",
        "при",
        "после",
        "до",
        "это",
        "он",
        "она",
        "они",
        "его",
        "ее",
        "их",
        "также",
        "однако",
        "bu",
        "bir",
        "ve",
        "ile",
        "için",
        "da",
        "de",
        "ise",
        "olarak",
        "ayrıca",
        "bunun",
        "bu-gun",
        "bugun",
        "dun",
        "ancak",
    ]
)
# Russian and Kazakh case endings, longest first; surnames in -ов/-ев keep theirs.
CYRILLIC_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ом", "ем", "ым", "им",
    "ой", "ей", "ах", "ях", "ам", "ям", "ую", "а", "я", "у", "ю", "е", "ы", "и",
)  # fmt: skip
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LETTER_MAP = str.maketrans({"q": "k", "c": "k", "x": "k", "w": "v"})
VOWELS = set("aeiouyh'")


def normalise_number(text: str) -> str:
    """One number as digits and a decimal point: "1 500", "1,500" and "1500" are "1500"."""
    text = text.replace(",", ".")
    if "." in text:
        whole, _, fraction = text.partition(".")
        fraction = fraction.rstrip("0")
        text = f"{int(whole)}.{fraction}" if fraction else str(int(whole))
    else:
        text = str(int(text))
    return text


def skeleton(word: str, language: str) -> str:
    """A name's consonant skeleton: the same for its Cyrillic, Latin and Turkish spellings."""
    if language[:2] in {"tr", "az"}:
        # In Turkish and Azerbaijani spelling c is the English j, x (Azerbaijani) the kh.
        word = word.replace("c", "j").replace("C", "J").replace("x", "kh").replace("X", "Kh")
    if CYRILLIC.match(word):
        lower = word.lower()
        # A surname in -ов/-ев is its own nominative; in -ова/-ева it is declined or feminine.
        if not lower.endswith(("ов", "ев")):
            for ending in CYRILLIC_ENDINGS:
                if lower.endswith(ending) and len(lower) - len(ending) >= 4:
                    word = word[: -len(ending)]
                    break
    ascii_word = anyascii(word).lower()
    ascii_word = (
        ascii_word.replace("dzh", "j").replace("dj", "j").replace("zh", "j").replace("kh", "k")
    )
    ascii_word = re.sub(r"[^a-z]", "", ascii_word).translate(LETTER_MAP)
    if not ascii_word:
        return ""
    first, rest = ascii_word[0], ascii_word[1:]
    # A leading vowel is kept as a vowel, not as which one: Aliyev, Əliyev (Eliyev), Өскенбаев.
    first = "a" if first in VOWELS else first
    letters = [first] + [c for c in rest if c not in VOWELS]
    squeezed = [c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1]]
    return "".join(squeezed)[:SKELETON_LENGTH]


def _names(text: str, language: str, features: Features) -> None:
    for match in WORD.finditer(text):
        # Turkish writes a suffix after an apostrophe (Kazakistan'ın): the name is the head.
        name = re.split(r"['’]", match.group(0))[0]
        if len(name) < 3 or not name[0].isupper() or name.lower() in NOT_NAMES:
            continue
        key = skeleton(name.replace("-", ""), language)
        if len(key) >= MIN_SKELETON_LENGTH:
            features.add(f"{Kind.ENTITY}:{key}", name)
            # Kazakh, Turkish and Azerbaijani suffixes (Астанада, Astana'da) lengthen a short
            # name's skeleton: its first four letters are a second, weaker key.
            if len(key) > MIN_SKELETON_LENGTH + 1:
                features.add(f"{Kind.PREFIX}:{key[: MIN_SKELETON_LENGTH + 1]}", name)


def _numbers(text: str, features: Features) -> None:
    for match in NUMBER.finditer(text):
        raw = THOUSANDS.sub("", match.group(0).strip(" .,"))
        # What is left between digits after the thousands separators goes: two numbers.
        for part in SPACE_IN_NUMBER.split(raw):
            value = normalise_number(part)
            # Small whole numbers (ranks, counts of days) are everywhere; they prove nothing.
            if "." not in value and int(value) < 10:
                continue
            features.add(f"{Kind.NUMBER}:{value}", part)


@cache
def _month(word: str) -> int | None:
    for month, stems in MONTHS.items():
        if any(word.startswith(stem) for stem in stems):
            return month
    return None


def _dates(text: str, features: Features) -> None:
    ascii_text = anyascii(text).lower()
    found = [(m.group(1), m.group(2)) for m in DAY_MONTH.finditer(ascii_text)]
    found += [(m.group(2), m.group(1)) for m in MONTH_DAY.finditer(ascii_text)]
    for day, word in found:
        month = _month(word)
        if month and 1 <= int(day) <= 31:
            features.add(f"{Kind.DATE}:{month:02d}-{int(day):02d}", f"{day} {word}")


def _place(dateline: str, language: str, features: Features) -> None:
    match = WORD.search(dateline)
    if match:
        key = skeleton(match.group(0), language)
        if len(key) >= MIN_SKELETON_LENGTH:
            features.add(f"{Kind.PLACE}:{key}", match.group(0))


def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in WORD.findall(text)]
    return {" ".join(words[i : i + 3]).encode() for i in range(max(len(words) - 2, 1))}


def text_signature(text: str) -> list[int]:
    # Imported on first use: datasketch brings numpy, scipy and redis, none of them a web
    # worker's business.
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=12)
    minhash.update_batch(list(_shingles(text)))
    return [int(v) for v in minhash.hashvalues]


def jaccard(a: list[int], b: list[int]) -> float:
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def extract(*, headline: str, paragraphs: list[str], dateline: str, language: str) -> Features:
    """Every feature of one wire story's text."""
    features = Features()
    text = "\n".join([headline, *paragraphs])
    _place(dateline, language, features)
    _numbers(text, features)
    _dates(text, features)
    _names(text, language, features)
    features.signature = text_signature(text)
    base = language.split("-")[0].lower()
    for band in range(LSH_BANDS):
        rows = features.signature[band * LSH_ROWS : (band + 1) * LSH_ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=6).hexdigest()
        features.add(f"{Kind.BAND}:{base}:{band}:{digest}", "")
    return features
