"""The cache backends: Django's local-memory and Redis caches, with two changes.

- Neither checks each key against memcached's limits. Django warns about a key memcached would
  refuse, so that code stays portable to it; Newsroom runs on these two, and the check cost a
  public list more than looking its forty keys up in local memory. Django's documentation
  ("Cache key warnings") gives this way of doing without it.
- The Redis cache keeps one client per connection pool (RedisCacheClient).
"""

from django.core.cache.backends import locmem, redis


class LocMemCache(locmem.LocMemCache):
    def validate_key(self, key: str) -> None:
        pass


class RedisCacheClient(redis.RedisCacheClient):
    """Django's client makes a new redis.Redis for every cache operation, and each one builds
    redis-py's table of response callbacks (some 170 entries): a third of what serving a page
    from the cache cost. A redis.Redis holds no connection of its own (it takes one from its
    pool for each command) and may be shared between threads, so one per pool is kept."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write: bool = False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key: str) -> None:
        pass
