class WorkflowError(Exception):
    """A move that the story's state or the rules do not allow; the message says why."""
