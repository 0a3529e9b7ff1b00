from django.conf import settings
from django.urls import include, path

# The public site first: its pages are the ones read most, and URLs are resolved in order.
urlpatterns = [path("", include("articles.urls"))]

if settings.SERVE_ADMIN:
    from django.contrib import admin

    urlpatterns.append(path("admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
