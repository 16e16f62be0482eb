# The status's choices come from the contract (server/contract/generated/choices.py), which has no labels:
# Django's default ones ("Todo", "In Progress") replace "To do" / "In progress". Labels live only in Python;
# this migration changes no column (`sqlmigrate` prints nothing for it).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tasks", "0003_priority_rank_column"),
    ]

    operations = [
        migrations.AlterField(
            model_name="task",
            name="status",
            field=models.CharField(
                choices=[("todo", "Todo"), ("in_progress", "In Progress"), ("done", "Done")],
                default="todo",
                max_length=20,
            ),
        ),
    ]
