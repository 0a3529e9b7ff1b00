"""The interface of a machine translation backend, and the HTTP both of ours speak."""

import json
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any


class MTError(Exception):
    """The machine translation service failed; the message says how, for the translator."""


class MachineTranslator(ABC):
    name = "machine translation"

    def __init__(self, *, url: str, api_key: str = "", timeout: float = 15) -> None:
        if not url:
            raise MTError(f"{self.name} needs MT_URL, the address of its server.")
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    @abstractmethod
    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """The translations of `texts`, in order, one for each."""

    def post_json(
        self, path: str, payload: dict[str, Any], headers: dict[str, str] | None = None
    ) -> Any:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"}
            | (headers or {}),
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise MTError(
                f"{self.name} answered {error.code}: {self._error_detail(error)}"
            ) from error
        except (urllib.error.URLError, TimeoutError) as error:
            reason = getattr(error, "reason", error)
            raise MTError(f"{self.name} at {self.url} cannot be reached: {reason}") from error
        except ValueError as error:
            raise MTError(f"{self.name} answered something that is not JSON.") from error

    @staticmethod
    def _error_detail(error: urllib.error.HTTPError) -> str:
        try:
            body = json.load(error)
        except ValueError:
            return error.reason
        return str(body.get("error") or body.get("message") or error.reason)

    @staticmethod
    def expect_count(translations: list[str], texts: Sequence[str], name: str) -> list[str]:
        if len(translations) != len(texts):
            raise MTError(
                f"{name} returned {len(translations)} translation(s) for {len(texts)} text(s)."
            )
        return translations
