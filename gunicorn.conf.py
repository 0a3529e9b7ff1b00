"""gunicorn's settings for Newsroom: `make serve`, or `gunicorn --config gunicorn.conf.py`.

Variables (default in brackets):
- HOST, PORT: where to listen [127.0.0.1, 8000]; a reverse proxy (TLS, buffering of slow
  clients) normally stands in front, so the default stays on loopback.
- WEB_CONCURRENCY: worker processes [2 per CPU this process may use, plus 1].
- GUNICORN_TIMEOUT: seconds a worker may spend on one request before it is restarted [30].
- FORWARDED_ALLOW_IPS: proxies trusted to say the request came over HTTPS [127.0.0.1,::1].
"""

import gc
import os
from pathlib import Path

wsgi_app = "newsroom.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Requests wait on PostgreSQL and Redis as much as on the CPU, hence the usual 2n + 1.
# process_cpu_count (Python 3.13) honours a container's or taskset's CPU limit.
_cpus = (getattr(os, "process_cpu_count", None) or os.cpu_count)() or 1
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cpus + 1))

# Nothing slow runs in a request (renditions, mail and indexing are tasks), so a request still
# running after this many seconds is stuck: its worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (a deploy, Ctrl+C in `make serve`), requests in flight get this long to finish.
graceful_timeout = 30
# Behind a proxy that keeps connections open to us.
keepalive = 5
# Recycle workers now and then, so that a slow leak in a library never grows without bound.
max_requests = 2000
max_requests_jitter = 200

# The app is imported once, by the master, before it forks the workers: they share the memory of
# its modules (a worker's PSS is 40 MiB instead of 55: bench/README.md, "Worker memory and the
# admin home"), and a recycled worker starts without importing anything. A HUP then no longer
# loads new code: a deploy restarts gunicorn, as `make serve` does.
preload_app = True


def pre_fork(server, worker) -> None:
    """Hide what the master loaded from the cyclic collector, so that no collection in a worker
    writes to (and so copies) the pages it shares with the master and the other workers."""
    gc.freeze()


def pre_request(worker, req) -> None:
    """Collect the last request's reference cycles before the next request starts.

    A page's model instances with prefetched relations, its forms and its template context are
    cycles that only the cyclic collector frees. Left to its thresholds, the young generations
    are collected in the middle of the next request, and the garbage of one request shares
    memory with the live objects of the next, memory that Python's allocator does not give
    back: a worker grew by 10-15 MiB over its first thousand requests. Collecting the two young
    generations here (not in post_request, when the response is still referenced and would be
    moved to the old generation) costs well under a millisecond: the long-lived objects of the
    oldest generation are not walked (bench/README.md, "Worker memory and the admin home").
    """
    gc.collect(1)


# Logs go to the process's output, for the service manager or the container runtime to keep.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The heartbeat file is touched every second; on a disk-backed /tmp that can stall a worker.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

# gunicorn >= 25 opens a control socket at one fixed path per user ($HOME/.gunicorn), on which
# two instances on one host (a deploy's old and new, or tests) would collide. Nothing here uses it.
control_socket_disable = True
