import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex that only touches a PostgreSQL database.

    GIN and tsvector exist only there; on SQLite search falls back to a scan (articles.search),
    so the index is recorded in the migration state but no SQL runs.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='StorySearchDocument',
            fields=[
                ('story', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_document', serialize=False, to='articles.story')),
                ('config', models.CharField(help_text="The PostgreSQL text search configuration of the story's language ('simple', which does no stemming, when PostgreSQL has none for it).", max_length=32)),
                ('headline', models.TextField()),
                ('text', models.TextField(help_text='Summary and body, from which snippets are cut.')),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('indexed_at', models.DateTimeField(auto_now=True)),
            ],
        ),
        AddIndexOnPostgreSQL(
            model_name='storysearchdocument',
            index=django.contrib.postgres.indexes.GinIndex(fields=['vector'], name='story_search_vector_gin'),
        ),
    ]
