"""DeepL's API (POST /v2/translate). MT_URL is https://api.deepl.com or, on the free plan,
https://api-free.deepl.com."""

from collections.abc import Sequence

from .base import MachineTranslator, MTError

# DeepL refuses a bare "EN" or "PT" as a target: it wants the variant.
TARGET_VARIANTS = {"en": "EN-GB", "pt": "PT-PT"}


def deepl_target(tag: str) -> str:
    primary, _, region = tag.partition("-")
    if primary.lower() in TARGET_VARIANTS and region:
        return f"{primary}-{region}".upper()
    return TARGET_VARIANTS.get(primary.lower(), primary.upper())


class DeepL(MachineTranslator):
    name = "DeepL"

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        if not texts:
            return []
        if not self.api_key:
            raise MTError("DeepL needs MT_API_KEY.")
        body = self.post_json(
            "/v2/translate",
            {
                "text": list(texts),
                "source_lang": source.split("-")[0].upper(),
                "target_lang": deepl_target(target),
            },
            headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"},
        )
        items = body.get("translations") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise MTError("DeepL answered without translations.")
        return self.expect_count([str(item.get("text", "")) for item in items], texts, self.name)
