"""Comments as the contract's `Comment`."""

from __future__ import annotations

from typing import Any

from server.apps.accounts.presenters import present_user_summary
from server.common.wire import wire_time

from .models import Comment


def present_comment(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "task_id": comment.task_id,
        "author": present_user_summary(comment.author),
        "body": comment.body,
        "created_at": wire_time(comment.created_at),
        "updated_at": wire_time(comment.updated_at),
    }
