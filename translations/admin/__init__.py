from django.contrib import admin

from . import audit, events, glossary, story, wire  # noqa: F401  (registers the ModelAdmins)

# The admin is the newsroom's desk: name it so, not "Django administration".
admin.site.site_header = "Newsroom desk"
admin.site.site_title = "Newsroom desk"
admin.site.index_title = "Your work"
