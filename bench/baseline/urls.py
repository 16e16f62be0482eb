from django.urls import path

from .views import TaskListCreate, TaskRetrieveUpdate

urlpatterns = [
    path("projects/<int:project_id>/tasks", TaskListCreate.as_view(), name="baseline-tasks"),
    path("projects/<int:project_id>/tasks/<int:pk>", TaskRetrieveUpdate.as_view(), name="baseline-task"),
]
