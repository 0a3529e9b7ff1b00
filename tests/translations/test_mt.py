"""Machine translation against a local server speaking the LibreTranslate and DeepL APIs."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import WireStoryFactory
from tests.translations.desk_helpers import editor_form, editor_url
from translations.models import ParagraphOrigin, TranslationMethod
from translations.mt import MTError, machine_translator
from translations.services.desk import wire_story_claim

DICTIONARY = {
    "Первый абзац новости.": "The first paragraph of the news.",
    "Второй абзац, 2014 год.": "The second paragraph, 2014.",
    "Третий абзац.": "The third paragraph.",
}


class FakeMTHandler(BaseHTTPRequestHandler):
    """LibreTranslate (POST /translate) and DeepL (POST /v2/translate), from a dictionary."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, dict(self.headers), body))
        if self.path == "/translate":
            if body.get("api_key") != "libre-key":
                return self.reply(403, {"error": "Invalid API key"})
            return self.reply(200, {"translatedText": [DICTIONARY[q] for q in body["q"]]})
        if self.path == "/v2/translate":
            if self.headers.get("Authorization") != "DeepL-Auth-Key deepl-key":
                return self.reply(403, {"message": "Wrong authentication key"})
            items = [
                {"detected_source_language": "RU", "text": DICTIONARY[t]} for t in body["text"]
            ]
            return self.reply(200, {"translations": items})
        return self.reply(404, {"error": "Not found"})

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def mt_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeMTHandler)
    server.requests = []
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def server_url(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def libretranslate(settings, mt_server):
    settings.MT_BACKEND = "translations.mt.libretranslate.LibreTranslate"
    settings.MT_URL = server_url(mt_server)
    settings.MT_API_KEY = "libre-key"
    return mt_server


@pytest.fixture
def deepl(settings, mt_server):
    settings.MT_BACKEND = "translations.mt.deepl.DeepL"
    settings.MT_URL = server_url(mt_server)
    settings.MT_API_KEY = "deepl-key"
    return mt_server


def test_no_backend_by_default(settings):
    assert settings.MT_BACKEND == ""
    assert machine_translator() is None


def test_libretranslate_request_and_answer(libretranslate):
    texts = ["Первый абзац новости.", "Третий абзац."]
    assert machine_translator().translate(texts, source="ru", target="en") == [
        "The first paragraph of the news.",
        "The third paragraph.",
    ]
    path, _headers, body = libretranslate.requests[0]
    assert path == "/translate"
    assert body == {
        "q": texts,
        "source": "ru",
        "target": "en",
        "format": "text",
        "api_key": "libre-key",
    }


def test_deepl_request_and_answer(deepl):
    texts = ["Третий абзац."]
    assert machine_translator().translate(texts, source="ru", target="en") == [
        "The third paragraph."
    ]
    path, headers, body = deepl.requests[0]
    assert path == "/v2/translate"
    assert headers["Authorization"] == "DeepL-Auth-Key deepl-key"
    assert body == {"text": texts, "source_lang": "RU", "target_lang": "EN-GB"}


def test_a_refusal_is_reported_with_the_services_words(settings, libretranslate):
    settings.MT_API_KEY = "wrong"
    with pytest.raises(MTError, match="LibreTranslate answered 403: Invalid API key"):
        machine_translator().translate(["Третий абзац."], source="ru", target="en")


def test_an_unreachable_server_is_reported(settings):
    settings.MT_BACKEND = "translations.mt.deepl.DeepL"
    settings.MT_URL = "http://127.0.0.1:9"
    settings.MT_API_KEY = "deepl-key"
    with pytest.raises(MTError, match="cannot be reached"):
        machine_translator().translate(["Третий абзац."], source="ru", target="en")


@pytest.mark.django_db
@pytest.mark.parametrize("backend", ["libretranslate", "deepl"])
def test_suggest_fills_only_the_empty_paragraphs(client, translator, request, backend):
    request.getfixturevalue(backend)
    story = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
    client.force_login(translator)
    data = editor_form(client, story) | {"headline": "A headline", "op": "suggest"}
    data["p-0-text"] = "My own first paragraph."

    client.post(editor_url(story), data)

    paragraphs = list(story.paragraphs.order_by("position"))
    assert [p.text for p in paragraphs] == [
        "My own first paragraph.",
        "The second paragraph, 2014.",
        "The third paragraph.",
    ]
    assert [p.alignment.origin for p in paragraphs] == [
        ParagraphOrigin.TYPED,
        ParagraphOrigin.MACHINE,
        ParagraphOrigin.MACHINE,
    ]
    story.translation.refresh_from_db()
    assert story.translation.method == TranslationMethod.MACHINE_POST_EDITED


@pytest.mark.django_db
def test_suggest_for_one_paragraph(client, translator, libretranslate):
    story = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
    client.force_login(translator)
    key = story.paragraphs.order_by("position")[2].key
    page = client.get(editor_url(story)).content.decode()
    assert f'value="suggest:{key}"' in page

    client.post(editor_url(story), editor_form(client, story) | {"op": f"suggest:{key}"})

    assert [p.text for p in story.paragraphs.order_by("position")] == [
        "",
        "",
        "The third paragraph.",
    ]


@pytest.mark.django_db
def test_without_a_backend_there_is_no_suggest_button(client, translator):
    story = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
    client.force_login(translator)
    assert 'value="suggest' not in client.get(editor_url(story)).content.decode()
