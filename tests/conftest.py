"""Shared fixtures: the people of the product's permission table, and the sample story."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import EditorFactory, TranslatorFactory, UserFactory

REPO_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_DIR.parent / "shared"
SAMPLE_PATH = SHARED_DIR / "samples" / "kazinform-nato-partner.txt"
NINJS_DIR = SHARED_DIR / "standards" / "ninjs"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty page cache, as a fresh deployment would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users are made by the dozen; a deliberately slow hash would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def translator(db):
    return TranslatorFactory()


@pytest.fixture
def other_translator(db):
    return TranslatorFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def other_editor(db):
    return EditorFactory()


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_PATH


@pytest.fixture
def ninjs_dir() -> Path:
    return NINJS_DIR
