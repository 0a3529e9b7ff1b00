"""gunicorn.conf.py: what production's workers run, and the benchmark's with them."""

import gc
import runpy
import weakref

from tests.conftest import REPO_DIR


class Node:
    """An object in a reference cycle, as a page's prefetched model instances are."""


def test_a_worker_frees_the_last_requests_reference_cycles_before_the_next_request():
    pre_request = runpy.run_path(str(REPO_DIR / "gunicorn.conf.py"))["pre_request"]
    gc.disable()  # so that only the hook can free the cycle
    try:
        node = Node()
        node.itself = node
        freed = weakref.ref(node)
        del node
        assert freed() is not None

        pre_request(worker=None, req=None)

        assert freed() is None
    finally:
        gc.enable()


def test_the_read_benchmark_runs_productions_hooks():
    bench = runpy.run_path(str(REPO_DIR / "bench" / "gunicorn.conf.py"))

    assert bench["pre_request"].__code__.co_filename == str(REPO_DIR / "gunicorn.conf.py")


def test_the_workers_share_what_the_master_loaded_out_of_the_collectors_sight():
    config = runpy.run_path(str(REPO_DIR / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    try:
        config["pre_fork"](server=None, worker=None)

        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
