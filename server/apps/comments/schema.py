"""The comment operations as only the code can say (`make drift`): the bodies where the presenter and model
do not tell it all, and what each handler answers and raises (`OPERATIONS`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from server.apps.accounts.schema import UserSummarySerializer
from server.contract.spectacular import Doc, ordering, page_of, presented

from .models import Comment
from .presenters import present_comment

# A TextField has no max_length in the model; the API caps it (and says so in the contract).
BODY_MAX_LENGTH = 10000


CommentSerializer = presented(
    "CommentSerializer",
    present_comment,
    Comment,
    author=UserSummarySerializer(),
    body=serializers.CharField(max_length=BODY_MAX_LENGTH),
)


class CommentBodySerializer(serializers.Serializer[Any]):
    body = serializers.CharField(max_length=BODY_MAX_LENGTH)


OPERATIONS = {
    "comments_list": Doc(
        200, page_of(CommentSerializer), errors=(404,), query=(ordering("created_at", default="created_at"),)
    ),
    "comments_create": Doc(201, CommentSerializer, CommentBodySerializer, errors=(403, 404, 409, 422)),
    "comments_update": Doc(200, CommentSerializer, CommentBodySerializer, errors=(403, 404, 412)),
    "comments_delete": Doc(204, errors=(403, 404, 412)),
}
