"""LibreTranslate, or any server that speaks its API (POST /translate)."""

from collections.abc import Sequence

from .base import MachineTranslator, MTError


class LibreTranslate(MachineTranslator):
    name = "LibreTranslate"

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        if not texts:
            return []
        payload = {
            "q": list(texts),
            "source": source.split("-")[0].lower(),
            "target": target.split("-")[0].lower(),
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        body = self.post_json("/translate", payload)
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if isinstance(translated, str):
            translated = [translated]
        if not isinstance(translated, list):
            raise MTError(f"{self.name} answered without translatedText.")
        return self.expect_count([str(t) for t in translated], texts, self.name)
