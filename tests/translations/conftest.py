"""Fixtures the translation tests borrow: the ninjs schema validators and the browser
(tests/articles) and the local machine-translation server (test_mt.py)."""

from tests.articles.conftest import validators  # noqa: F401
from tests.articles.test_accessibility import browser  # noqa: F401
from tests.translations.test_mt import libretranslate, mt_server  # noqa: F401
