# generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`

from django.db.models import TextChoices


class CheckResult(TextChoices):
    OK = "ok"
    UNAVAILABLE = "unavailable"


class Role(TextChoices):
    OWNER = "owner"
    MAINTAINER = "maintainer"
    VIEWER = "viewer"


class TaskStatus(TextChoices):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class TaskPriority(TextChoices):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class WebhookEventType(TextChoices):
    TASK_CREATED = "task.created"
    TASK_UPDATED = "task.updated"
    TASK_DELETED = "task.deleted"
    COMMENT_CREATED = "comment.created"
    MEMBER_ADDED = "member.added"
    MEMBER_REMOVED = "member.removed"
    PING = "ping"


class WebhookDeliveryStatus(TextChoices):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
