"""The Redis cache backend (REDIS_URL): Django's, keeping one client per connection pool."""

from django.core.cache.backends import redis


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
