"""The real task worker (`manage.py db_worker`, the default queue) makes an upload's renditions."""

from pathlib import Path

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.models import ImageRendition
from articles.services.images import image_create
from tests.factories import jpeg_upload
from tests.task_helpers import DATABASE_QUEUE, run_worker_process

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_process_makes_the_renditions_of_an_upload(settings):
    settings.TASKS = DATABASE_QUEUE
    image = image_create(
        file=jpeg_upload(width=700, height=400), alt_text="Delegates", credit="Photo: Trend"
    )

    # Committed: the picture is stored, its renditions only queued.
    assert not image.renditions.exists()
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.status) == (
        "articles.tasks.make_renditions",
        TaskResultStatus.READY,
    )

    worker = run_worker_process("--batch", "--no-startup-delay")

    assert worker.returncode == 0, worker.stderr
    done = DBTaskResult.objects.get()
    assert done.status == TaskResultStatus.SUCCESSFUL, done.traceback
    assert done.return_value == 4
    assert done.worker_ids  # the worker process claimed it
    renditions = ImageRendition.objects.filter(image=image).order_by("format", "width")
    assert [(r.format, r.width, r.height) for r in renditions] == [
        ("jpeg", 320, 183),
        ("jpeg", 640, 366),
        ("webp", 320, 183),
        ("webp", 640, 366),
    ]
    for rendition in renditions:
        assert (Path(settings.MEDIA_ROOT) / rendition.file.name).stat().st_size > 0
