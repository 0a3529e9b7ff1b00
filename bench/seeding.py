"""The data benchmarks run on, made by `manage.py seed_newsroom`.

Seeding is idempotent by its tag, so a benchmark asks for the size it needs and only the
difference is written; with `bench/run.py --keepdb` a large seed is made once across runs.
"""

import time
from io import StringIO

from django.core.management import call_command

BENCH_TAG = "bench"


def seeded(stories: int, *, tag: str = BENCH_TAG, in_progress_share: float = 0.12) -> float:
    """Make sure the seed `tag` holds `stories` stories; return the seconds it took."""
    started = time.perf_counter()
    call_command(
        "seed_newsroom",
        stories=stories,
        tag=tag,
        in_progress_share=in_progress_share,
        verbosity=0,
        stdout=StringIO(),
    )
    took = time.perf_counter() - started
    print(f"  (seed {tag!r} at {stories:,} stories ready in {took:.1f} s)", flush=True)
    return took
