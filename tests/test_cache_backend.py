"""newsroom.cache.RedisCache (REDIS_URL): Django's Redis cache, with one client per pool."""

import os

import pytest
from django.core.cache import caches

from newsroom.cache import RedisCache


def test_one_client_serves_every_operation_on_a_pool():
    """Django's own client makes a redis.Redis per operation (a table of some 170 response
    callbacks each time); making one needs no server."""
    cache = RedisCache("redis://127.0.0.1:6379/0", {})

    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client("c", write=True) is first


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL); runs in CI's PostgreSQL leg"
)
def test_the_sites_redis_cache_stores_and_reads_through_the_kept_client():
    cache = caches["default"]
    assert isinstance(cache, RedisCache)

    cache.set_many({"probe:a": {"page": "one"}, "probe:b": 2}, timeout=30)
    cache.set("probe:c", [3], timeout=30)

    assert cache.get_many(["probe:a", "probe:b", "probe:c", "probe:missing"]) == {
        "probe:a": {"page": "one"},
        "probe:b": 2,
        "probe:c": [3],
    }
    cache.delete_many(["probe:a", "probe:b", "probe:c"])
    assert cache.get("probe:a") is None
