"""The Translators and Editors groups with the permissions product.md's table gives them.

Superusers hold every permission; agencies, sections and users are theirs alone.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATOR_PERMISSIONS = [
    "articles.view_agency",
    "articles.view_section",
    "articles.view_wirestory",
    "articles.claim_wirestory",
    "articles.view_story",
    "articles.change_story",
    "articles.view_image",
    "articles.add_image",
    "articles.change_image",
    "translations.view_glossaryterm",
    "translations.view_memoryentry",
    "translations.view_auditevent",
    "translations.view_translation",
]
EDITOR_PERMISSIONS = TRANSLATOR_PERMISSIONS + [
    "articles.reassign_wirestory",
    "articles.edit_any_story",
    "articles.review_story",
    "articles.publish_story",
    "articles.preview_any_story",
    "articles.add_correction",
    "articles.view_correction",
    "articles.view_attribution",
    "articles.change_attribution",
    "translations.add_glossaryterm",
    "translations.change_glossaryterm",
    "translations.delete_glossaryterm",
]
GROUPS = {"Translators": TRANSLATOR_PERMISSIONS, "Editors": EDITOR_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; groups need them now.
    for app_label in ("articles", "translations"):
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in perms:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
