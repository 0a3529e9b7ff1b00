"""Background tasks that are tried again, later and later, when they fail.

django.tasks runs a task once. Mail servers refuse for a while, object storage times out, so
every task of Newsroom is declared with `retried_task`: when it raises, it enqueues itself once
more with `run_after` = now + NEWSROOM_TASK_RETRY_SECONDS * 2 ** (attempt - 1), up to
NEWSROOM_TASK_MAX_ATTEMPTS attempts, and then raises, so that the backend records this attempt
as failed with its traceback. Each attempt is a result of its own in the backend, with the
attempt number among its arguments: the admin's task list (superusers only) shows what failed,
why, how many times, and when it is tried next. Nothing is only logged.

A backend that cannot defer (the immediate backend of the tests) gets no retry: the failure is
recorded in its result and the caller sees it.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.tasks import Task, TaskContext, task
from django.utils import timezone

logger = logging.getLogger(__name__)

ATTEMPT = "attempt"


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after the failure of `attempt` (1, 2, 3...) before the next one."""
    return timedelta(seconds=settings.NEWSROOM_TASK_RETRY_SECONDS * 2 ** (attempt - 1))


def _retry_later(context: TaskContext, attempt: int, max_attempts: int) -> None:
    result = context.task_result
    own_task = result.task
    if attempt >= max_attempts:
        logger.error(
            "Task %s failed %d times; not retried again (result %s).",
            own_task.name,
            attempt,
            result.id,
        )
        return
    if not own_task.get_backend().supports_defer:
        return
    run_after = timezone.now() + retry_delay(attempt)
    own_task.using(run_after=run_after).enqueue(
        *result.args, **{**result.kwargs, ATTEMPT: attempt + 1}
    )
    logger.warning(
        "Task %s failed (attempt %d of %d); tried again after %s.",
        own_task.name,
        attempt,
        max_attempts,
        run_after.isoformat(),
    )


def retried_task(
    *, max_attempts: int | None = None, **task_options: Any
) -> Callable[[Callable[..., Any]], Task]:
    """Like `@task`, for a function whose failure is retried with backoff.

    The function is called with the arguments it was enqueued with; the attempt number travels
    as the keyword argument `attempt` and is taken off before the call.
    """

    def decorate(func: Callable[..., Any]) -> Task:
        def run(context: TaskContext, *args: Any, **kwargs: Any) -> Any:
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return func(*args, **kwargs)
            except Exception:
                limit = max_attempts or settings.NEWSROOM_TASK_MAX_ATTEMPTS
                _retry_later(context, attempt, limit)
                raise

        # The worker imports a task by its function's dotted path: the module-level name the
        # Task is bound to is the decorated function's.
        run.__module__ = func.__module__
        run.__name__ = func.__name__
        run.__qualname__ = func.__qualname__
        run.__doc__ = func.__doc__
        return task(takes_context=True, **task_options)(run)

    return decorate
