"""Services: every change of state is one named function here (`<entity>_<action>`).

Each checks state and permission, runs in one transaction on a locked row, saves with
update_fields, writes an audit event and fires its side effects on commit.
"""

from .errors import WorkflowError

__all__ = ["WorkflowError"]
