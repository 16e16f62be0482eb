from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "server.apps.tasks"
    label = "tasks"
    verbose_name = "Tasks"
    default_auto_field = "django.db.models.BigAutoField"
