"""Helpers for driving the translation desk through the admin as a user would."""

import re

from django.urls import reverse

from articles.models import Story


def editor_url(story: Story) -> str:
    return reverse("admin:articles_story_translate", args=[story.pk])


def editor_form(client, story: Story) -> dict[str, str]:
    """The editor's form fields as the page renders them (what a browser would post back)."""
    response = client.get(editor_url(story))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data: dict[str, str] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<input type="text" name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = _unescape(value)
    data.pop("csrfmiddlewaretoken", None)
    return data


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def paragraph_count(data: dict[str, str]) -> int:
    return int(data["p-TOTAL_FORMS"])
