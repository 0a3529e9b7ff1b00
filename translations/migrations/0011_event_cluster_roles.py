"""Translators see events and why their stories were grouped; editors split and merge them."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Translators": ["view_eventcluster", "view_eventclustermembership"],
    "Editors": [
        "view_eventcluster",
        "view_eventclustermembership",
        "regroup_eventcluster",
        "view_eventclusterdecision",
    ],
}


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("articles"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0010_desk_working_copy"),
        ("articles", "0007_event_clusters"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
