"""Which language a wire story's text is in, when the item does not say.

py3langid's model, loaded once per process; a guess below MIN_DETECTION_CONFIDENCE, or on less
than MIN_DETECTION_CHARS of text, is reported as such and never taken silently (the ingest
service then marks the story "language uncertain").
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import py3langid.langid

# Below these, a guess is worse than asking for --language.
MIN_DETECTION_CHARS = 40
MIN_DETECTION_CONFIDENCE = 0.9


@cache
def _language_identifier() -> "py3langid.langid.LanguageIdentifier":
    # Imported on first use: it brings numpy, which no web worker needs.
    import py3langid.langid

    model = py3langid.langid.MODEL_DIR / py3langid.langid.MODEL_FILE
    return py3langid.langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)


_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Detection:
    language: str  # "" when the text is too short to say anything
    confidence: float

    @property
    def is_confident(self) -> bool:
        return bool(self.language) and self.confidence >= MIN_DETECTION_CONFIDENCE


def detect(text: str) -> Detection:
    """What the detector says about `text`, however unsure."""
    text = _URL.sub(" ", text)
    if len(text.strip()) < MIN_DETECTION_CHARS:
        return Detection("", 0.0)
    language, confidence = _language_identifier().classify(text)
    return Detection(language, float(confidence))


def detect_language(text: str) -> str:
    """The language of `text` as a BCP 47 tag, or "" when the text is too short or ambiguous."""
    detection = detect(text)
    return detection.language if detection.is_confident else ""
