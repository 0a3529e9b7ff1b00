"""Run the benchmarks: every bench/bench_*.py module's run(), by its ORDER, then its name.

Benchmarks measure (query counts, timings) and print figures; they are not tests. A figure
with a budget is reported through bench.budgets.figure() and printed with PASS or FAIL; the
summary at the end repeats them all, and the exit code is 1 if any budget fails. Data comes
from `manage.py seed_newsroom` (bench.seeding.seeded). Each run uses a throwaway test database
(test_<name>), never the data of DATABASE_URL itself. Run with DATABASE_URL set to PostgreSQL
for the figures that matter:

    DATABASE_URL=postgres://user@127.0.0.1:5432/newsroom python bench/run.py [--keepdb] [name ...]

--keepdb keeps the test database between runs, so that a benchmark's data is loaded once.

Optional benchmarks run only when named, as they start servers and take minutes: `load`
(bench/load.py, needs PostgreSQL and REDIS_URL) and `read` (bench/read.py, public pages, search
and the admin on two seeded PostgreSQL databases named by BENCH_DB_1K and BENCH_DB_100K).
"""

import importlib
import os
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
OPTIONAL = ("load", "read")
sys.path.insert(0, str(BENCH_DIR.parent))
# Benchmarks run under the test settings: their own secret, local static files, test databases.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")


def main(arguments: list[str]) -> int:
    keepdb = "--keepdb" in arguments
    names = [a for a in arguments if a != "--keepdb"]
    import django
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    django.setup()
    from bench.budgets import FIGURES

    modules = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    if names:
        unknown = sorted(set(names) - set(modules) - set(OPTIONAL))
        if unknown:
            print(f"error: no benchmark named {', '.join(unknown)} in {BENCH_DIR}", file=sys.stderr)
            return 2
        modules = [m for m in [*modules, *OPTIONAL] if m in names]
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False, keepdb=keepdb)
    try:
        print(f"Database: {connection.vendor}")
        loaded = [importlib.import_module(f"bench.{name}") for name in modules]
        loaded.sort(key=lambda module: (getattr(module, "ORDER", 50), module.__name__))
        for module in loaded:
            name = module.__name__.removeprefix("bench.")
            print(f"\n== {name}: {(module.__doc__ or '').strip().splitlines()[0]}")
            started = time.perf_counter()
            module.run()
            print(f"({name} took {time.perf_counter() - started:.1f} s)")
    finally:
        if not keepdb:
            teardown_databases(databases, verbosity=0)
    print("\n== Summary")
    for figure in FIGURES:
        print(f"  {figure}")
    failed = [figure for figure in FIGURES if figure.holds is False]
    if failed:
        print(f"{len(failed)} of {len(FIGURES)} figures miss their budget.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
