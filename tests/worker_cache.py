"""The Redis cache of a test process that shares its Redis db with other test processes.

pytest-xdist's workers (tests/conftest.py) share the Redis db of REDIS_URL, each under its own
key prefix (newsroom/settings_test.py). Django's clear() is FLUSHDB, which would empty the other
workers' cache in the middle of their tests; this one deletes only the keys of its own prefix.
"""

from newsroom.cache import RedisCache


class WorkerRedisCache(RedisCache):
    def clear(self) -> bool:
        client = self._cache.get_client(write=True)
        # Every key this cache writes is "<prefix>:<version>:<key>" (Django's default key_func).
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        if keys:
            client.unlink(*keys)
        return True
