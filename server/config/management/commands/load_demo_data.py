"""`manage.py load_demo_data`: realistic demo users, projects, tasks and comments. Safe to run repeatedly."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from server.apps.accounts.models import User
from server.apps.comments.models import Comment
from server.apps.projects.models import Membership, Project, Role
from server.apps.tasks.models import Task, TaskPriority, TaskStatus

DEMO_PASSWORD = "demo-password-123"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    is_staff: bool = False


USERS = (
    DemoUser("alice", "Alice Andersen", is_staff=True),
    DemoUser("bob", "Bob Brennan"),
    DemoUser("carol", "Carol Castillo"),
    DemoUser("dave", "Dave Dubois"),
)

# Every project has every role; each user has several roles across projects.
PROJECTS: tuple[dict[str, Any], ...] = (
    {
        "name": "Website relaunch",
        "description": "Rebuild the marketing site on the new design system and move it to the CDN.",
        "members": {
            "alice": Role.OWNER,
            "bob": Role.MAINTAINER,
            "carol": Role.VIEWER,
            "dave": Role.MAINTAINER,
        },
        "tasks": [
            "Audit current page inventory",
            "Define URL redirect map",
            "Build header and footer components",
            "Migrate blog posts",
            "Set up CDN cache rules",
            "Write copy for pricing page",
            "Accessibility review of forms",
            "Configure analytics events",
            "Load test the landing page",
            "Prepare launch announcement",
            "Replace stock photography",
            "Add structured data for search",
            "Fix layout shift on home page",
            "Localise the contact page",
            "Review cookie banner wording",
            "Compress hero images",
            "Set up uptime monitoring",
            "Decommission old CMS",
            "Update sitemap generation",
            "Run cross-browser QA pass",
        ],
    },
    {
        "name": "Mobile app v2",
        "description": "Offline mode, push notifications and a new onboarding flow for iOS and Android.",
        "members": {"bob": Role.OWNER, "carol": Role.OWNER, "dave": Role.MAINTAINER, "alice": Role.VIEWER},
        "tasks": [
            "Design offline sync protocol",
            "Implement local database layer",
            "Conflict resolution for edited records",
            "Push notification opt-in screen",
            "Register devices with notification service",
            "Onboarding carousel illustrations",
            "Biometric login on Android",
            "Biometric login on iOS",
            "Crash reporting integration",
            "Reduce cold start time",
            "Dark mode colour tokens",
            "Deep links from email campaigns",
            "In-app feedback form",
            "App Store screenshots",
            "Beta testers recruitment",
            "Background refresh battery budget",
            "Accessibility labels for icons",
            "Update privacy nutrition labels",
            "Feature flags for staged rollout",
            "Release checklist for 2.0",
        ],
    },
    {
        "name": "Internal tools",
        "description": "Small utilities for support and finance: refunds console, invoice export, audit log.",
        "members": {"carol": Role.OWNER, "alice": Role.MAINTAINER, "bob": Role.VIEWER, "dave": Role.VIEWER},
        "tasks": [
            "Refunds console: search by order id",
            "Refunds console: partial refunds",
            "Invoice CSV export",
            "Monthly revenue report",
            "Audit log for admin actions",
            "Single sign-on for support staff",
            "Rate limit the export endpoint",
            "Customer merge tool",
            "Archive closed tickets",
            "Alert on failed payouts",
            "Dashboard for churn metrics",
            "Document the on-call runbook",
            "Upgrade the job queue",
            "Remove legacy admin pages",
            "Bulk tag customers",
            "Nightly database backup check",
            "Timezone handling in reports",
            "Permissions matrix review",
            "Slack notifications for escalations",
            "Clean up unused feature flags",
        ],
    },
)

COMMENT_BODIES = (
    "I can pick this up after the current sprint.",
    "Blocked on the API change, see the linked thread.",
    "Draft is ready for review.",
    "Can we split this into two smaller tasks?",
    "Done on staging, waiting for sign-off.",
    "Moved the due date, the vendor needs another week.",
    "Added screenshots of the current behaviour.",
    "This turned out bigger than expected.",
    "Paired on this today, should be finished tomorrow.",
    "Please double-check the edge case with empty input.",
)


class Command(BaseCommand):
    help = "Create demo users, projects, memberships, tasks and comments (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            users = self._users()
            counts = {"projects": 0, "tasks": 0, "comments": 0}
            for index, spec in enumerate(PROJECTS):
                self._project(spec, users, random.Random(1000 + index), counts)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({counts['projects']} projects, {counts['tasks']} tasks and "
                f"{counts['comments']} comments created this run)."
            )
        )
        self.stdout.write(f"Users (password for all: {DEMO_PASSWORD}):")
        for demo in USERS:
            staff = " (staff)" if demo.is_staff else ""
            self.stdout.write(f"  {demo.username:<6} {demo.full_name}{staff}")

    def _users(self) -> dict[str, User]:
        users: dict[str, User] = {}
        for demo in USERS:
            user = User.objects.filter(username__iexact=demo.username).first()
            if user is None:
                user = User(username=demo.username)
            user.email = f"{demo.username}@example.com"
            user.full_name = demo.full_name
            user.is_staff = demo.is_staff
            user.is_active = True
            user.set_password(DEMO_PASSWORD)
            user.save()
            users[demo.username] = user
        return users

    def _project(
        self, spec: dict[str, Any], users: dict[str, User], rng: random.Random, counts: dict[str, int]
    ) -> None:
        project = Project.objects.filter(name=spec["name"]).order_by("pk").first()
        if project is None:
            project = Project.objects.create(name=spec["name"], description=spec["description"])
            counts["projects"] += 1
        for username, role in spec["members"].items():
            Membership.objects.update_or_create(
                project=project, user=users[username], defaults={"role": role}
            )

        members = [users[name] for name in spec["members"]]
        editors = [users[name] for name, role in spec["members"].items() if role != Role.VIEWER]
        now = timezone.now()
        today = timezone.localdate()
        for position, title in enumerate(spec["tasks"]):
            # Drawn unconditionally so a re-run draws the same values for the same task.
            created_at = now - timedelta(days=60 - 3 * position, hours=rng.randint(0, 23))
            status = rng.choices(list(TaskStatus), weights=[5, 3, 4])[0]
            priority = rng.choices(list(TaskPriority), weights=[3, 5, 3, 1])[0]
            assignee = rng.choice([*members, None])
            due_offset = rng.randint(-20, 45)
            has_due_date = rng.random() < 0.75
            author = rng.choice(editors)
            comment_count = rng.choice([0, 0, 1, 2, 3])
            commenters = [rng.choice(editors) for _ in range(comment_count)]
            bodies = rng.sample(COMMENT_BODIES, k=comment_count)

            task, created = Task.objects.get_or_create(
                project=project,
                title=title,
                defaults={
                    "description": f"{title}. Part of {project.name}.",
                    "status": status,
                    "priority": priority,
                    "assignee": assignee,
                    "created_by": author,
                    "due_date": today + timedelta(days=due_offset) if has_due_date else None,
                    "created_at": created_at,
                },
            )
            counts["tasks"] += int(created)
            for offset, (commenter, body) in enumerate(zip(commenters, bodies, strict=True)):
                _comment, made = Comment.objects.get_or_create(
                    task=task,
                    author=commenter,
                    body=body,
                    defaults={"created_at": task.created_at + timedelta(hours=6 * (offset + 1))},
                )
                counts["comments"] += int(made)
