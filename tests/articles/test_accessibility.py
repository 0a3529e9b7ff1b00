"""The public pages in a real browser: axe-core finds no violations at phone and desktop widths,
and no request leaves the site.

Drives Debian's Chromium (the `chromium` package) with Playwright; axe-core comes bundled in the
axe-playwright-python package, so nothing is fetched at run time. Screenshots of every page at
both widths are written to artifacts/screenshots/ for people to look at.
"""

import shutil
from collections.abc import Iterator
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageDraw, ImageOps
from playwright.sync_api import Browser, sync_playwright

from articles.models import AttributionRole, Correction, ParagraphMethod, SiteSettings, Story
from tests.conftest import REPO_DIR, SAMPLE_PATH
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    ImageFactory,
    PublishedStoryFactory,
    SectionFactory,
    TranslationFactory,
    WireStoryFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = REPO_DIR / "artifacts" / "screenshots"
WIDTHS = {"phone": (360, 780), "desktop": (1280, 900)}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail(
            "Chromium is not installed: the accessibility test needs Debian's `chromium` "
            "package (apt-get install chromium; .ci/run installs it)."
        )
    return path


def photo(name: str) -> SimpleUploadedFile:
    """A picture that looks like one in a screenshot: sky, ground and a building."""
    sky = ImageOps.colorize(PILImage.linear_gradient("L").resize((1600, 900)), "#3d6fa8", "#dfe9f3")
    draw = ImageDraw.Draw(sky)
    draw.rectangle((0, 640, 1600, 900), fill="#5b6b4f")
    draw.rectangle((520, 330, 1080, 660), fill="#c9c2b4")
    for x in range(560, 1060, 70):
        draw.rectangle((x, 380, x + 36, 600), fill="#6d6a66")
    buffer = BytesIO()
    sky.save(buffer, "JPEG", quality=88)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def demo() -> dict[str, str]:
    """Demo-like data: the sample story with its picture and its chain, and a few more."""
    world = SectionFactory(name="World", slug="world", position=1)
    SectionFactory(name="Business", slug="business", position=2)
    SectionFactory(name="Central Asia", slug="central-asia", position=3)
    trend = AgencyFactory(name="Trend", slug="trend", website="https://en.trend.az")
    kazinform = AgencyFactory(name="Kazinform", slug="kazinform", default_language="kk")
    lines = [line for line in SAMPLE_PATH.read_text().splitlines() if line.strip()]
    headline, paragraphs = lines[0], lines[1:-1]
    wire = WireStoryFactory(
        agency=trend,
        language="ru",
        headline="Казахстан - самый надежный партнер НАТО в Центральной Азии",
        source_url="https://www.trend.az/casia/kazakhstan/2052434.html",
    )
    story = PublishedStoryFactory(
        headline=headline,
        slug="kazakhstan-most-reliable-nato-partner",
        summary="NATO's envoy for Central Asia says cooperation with Kazakhstan has always "
        "been at a high level.",
        section=world,
        dateline="BRUSSELS",
        lead_image=ImageFactory(
            file=photo("nato-headquarters.jpg"),
            alt_text="The NATO headquarters building in Brussels under a clear sky",
            credit="Photo: Trend",
            caption="NATO headquarters in Brussels.",
        ),
        body=paragraphs,
    )
    TranslationFactory(story=story, wire_story=wire)
    AttributionFactory(story=story, agency=trend, role=AttributionRole.TRANSLATED_FROM)
    AttributionFactory(story=story, agency=kazinform, role=AttributionRole.ORIGINAL_REPORTER)
    Correction.objects.create(story=story, note="The envoy's title was corrected.")
    for n, section in enumerate([world, None, world]):
        other = PublishedStoryFactory(
            headline=f"NATO partners meet in Astana, day {n + 1}", section=section
        )
        TranslationFactory(story=other, wire_story=WireStoryFactory(agency=trend))
        AttributionFactory(story=other, agency=trend, role=AttributionRole.TRANSLATED_FROM)
    return {
        "home": reverse("articles:home"),
        "story": story.get_absolute_url(),
        "search": reverse("articles:search") + "?q=NATO",
        "agency": trend.get_absolute_url(),
    }


@pytest.fixture
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    # Started after the fixtures that write to the database: Playwright's sync API runs an event
    # loop in this thread, and Django refuses ORM calls from inside one.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n  "
        + "\n  ".join(f"{node['target']}: {node['failureSummary']}" for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("page_name", ["home", "story", "search", "agency"])
@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_public_page_is_accessible_and_stays_on_the_site(
    demo, live_server, browser, page_name, width_name
):
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    response = page.goto(live_server.url + demo[page_name], wait_until="networkidle")
    # Lazy pictures further down load only when scrolled to; they must stay on the site too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{page_name}-{width}.png", full_page=True)
    results = Axe().run(page)
    headings = page.locator("h1").count()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.keyboard.press("Tab")
    first_focus = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                text: element.textContent.trim(),
                top: element.getBoundingClientRect().top,
                outline: style.outlineStyle + " " + style.outlineWidth,
            };
        }"""
    )
    context.close()

    assert response is not None
    assert response.status == 200
    violations = results.response["violations"]
    assert violations == [], f"axe-core found on {page_name} at {width}px:\n{describe(violations)}"
    assert headings == 1
    assert overflow <= 0, f"{page_name} scrolls sideways by {overflow}px at {width}px"
    # The skip link comes first, shows itself, and focus is visible on it.
    assert first_focus == {"text": "Skip to content", "top": 0, "outline": "solid 3px"}
    site = urlsplit(live_server.url).netloc
    assert requested
    assert [url for url in requested if urlsplit(url).netloc != site] == []


@pytest.fixture
def provenance_shown(demo) -> str:
    """The demo story as the desk would publish it with machine help, and the editors'
    per-paragraph switch on."""
    story = Story.objects.get(slug="kazakhstan-most-reliable-nato-partner")
    methods = [ParagraphMethod.HUMAN, ParagraphMethod.MACHINE_POST_EDITED, ParagraphMethod.MEMORY]
    for index, paragraph in enumerate(story.paragraphs.order_by("position")):
        paragraph.method = methods[index % len(methods)]
        paragraph.source_indexes = [index]
        paragraph.save(update_fields=["method", "source_indexes"])
    SiteSettings.objects.create(show_paragraph_provenance=True)
    return demo["story"]


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_per_paragraph_provenance_is_accessible_and_keyboard_reachable(
    provenance_shown, live_server, browser, width_name
):
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    response = page.goto(live_server.url + provenance_shown, wait_until="networkidle")
    results = Axe().run(page)
    disclosure = page.locator(".machine-disclosure").inner_text()
    widgets = page.locator("details.paragraph-provenance").count()
    # Tab from the top until a paragraph's disclosure widget has the focus, then open it.
    reached = None
    for presses in range(1, 80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            reached = presses
            break
    if reached:
        page.keyboard.press("Enter")
    opened = page.evaluate("document.activeElement.parentElement.open")
    text = page.evaluate("document.activeElement.parentElement.innerText")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"story-provenance-{width}.png", full_page=True)
    context.close()

    assert response is not None
    assert response.status == 200
    violations = results.response["violations"]
    assert violations == [], f"axe-core found at {width}px:\n{describe(violations)}"
    assert "Machine translation was used for this story" in disclosure
    assert widgets >= 3
    assert reached is not None, "no paragraph's provenance could be reached with Tab"
    assert opened is True
    assert "of the Russian original by Trend" in text
    assert overflow <= 0
