"""gunicorn for the read benchmark (bench/read.py): production's gunicorn.conf.py, with 2 sync
workers, no recycling (the benchmark reads a worker's memory after 10,000 requests) and no access
log (a line per request is the same cost for the floor and every page, and fills the output)."""

import runpy
from pathlib import Path

globals().update(runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py")))
workers = 2
worker_class = "sync"
max_requests = 0
accesslog = None
loglevel = "warning"
