"""Dependencies run one way: translations/ builds on articles/, never the reverse.

The public site reaches what the desk decides only through the fields the desk writes into
articles/ (README.md, "Provenance per paragraph"), so articles/ must not import translations/.
"""

import ast
import re

import pytest

from tests.conftest import REPO_DIR

ARTICLES_MODULES = sorted((REPO_DIR / "articles").rglob("*.py"))
PUBLIC_TEMPLATES = sorted((REPO_DIR / "templates" / "articles").rglob("*.html"))
TRANSLATIONS_TAG_LIBRARIES = {
    path.stem for path in (REPO_DIR / "translations" / "templatetags").glob("*.py")
} - {"__init__"}


def imported_modules(tree: ast.Module) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.append(str(node.args[0].value))
    return names


@pytest.mark.parametrize("path", ARTICLES_MODULES, ids=lambda p: str(p.relative_to(REPO_DIR)))
def test_articles_does_not_import_translations(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    wrong = [m for m in imported_modules(tree) if m.split(".")[0] == "translations"]
    assert wrong == [], f"{path.relative_to(REPO_DIR)} imports {wrong}"


def test_the_public_templates_load_no_tag_library_of_translations():
    for path in PUBLIC_TEMPLATES:
        loaded = set(re.findall(r"{%\s*load\s+([^%]+?)\s*%}", path.read_text(encoding="utf-8")))
        libraries = {name for line in loaded for name in line.split()}
        assert not libraries & TRANSLATIONS_TAG_LIBRARIES, path


def test_the_check_sees_an_import():
    tree = ast.parse("from translations.models import Translation\nimport translations.qa")
    assert imported_modules(tree) == ["translations.models", "translations.qa"]


# The story admin stays thin: its pages get what they show from small named selectors
# (translations/selectors/), and its views only call those and the services.
SELECTOR_MODULES = sorted((REPO_DIR / "translations" / "selectors").glob("*.py"))
STORY_ADMIN_MODULES = sorted(
    [
        REPO_DIR / "translations" / "admin" / "story.py",
        *(REPO_DIR / "translations" / "admin" / "desk").glob("*.py"),
        *(REPO_DIR / "translations" / "admin" / "review").glob("*.py"),
    ]
)
SELECTOR_MAX_LINES = 40
VIEW_MAX_LINES = 30


def functions(path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]


def length(function: ast.FunctionDef) -> int:
    return function.end_lineno - function.lineno + 1


def test_every_public_selector_is_under_40_lines():
    assert SELECTOR_MODULES, "translations/selectors/ has no modules"
    long = [
        f"{path.relative_to(REPO_DIR)}: {function.name} ({length(function)} lines)"
        for path in SELECTOR_MODULES
        for function in functions(path)
        if not function.name.startswith("_") and length(function) >= SELECTOR_MAX_LINES
    ]
    assert long == []


def test_the_story_admin_views_stay_short():
    """Every method of the story admin that answers a request (it takes `request`)."""
    views = [
        (path, function)
        for path in STORY_ADMIN_MODULES
        for function in functions(path)
        if any(argument.arg == "request" for argument in function.args.args)
    ]
    assert len(views) > 20, "the check no longer finds the story admin's views"
    long = [
        f"{path.relative_to(REPO_DIR)}: {function.name} ({length(function)} lines)"
        for path, function in views
        if length(function) > VIEW_MAX_LINES
    ]
    assert long == []


def test_the_length_checks_see_a_long_function(tmp_path):
    module = tmp_path / "long.py"
    module.write_text("def long(request):\n" + "    x = 1\n" * 40)
    (function,) = functions(module)
    assert length(function) == 41 > SELECTOR_MAX_LINES > VIEW_MAX_LINES
