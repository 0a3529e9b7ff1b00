from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("news/<slug:slug>/", views.StoryDetailView.as_view(), name="story"),
    path("agencies/<slug:slug>/", views.AgencyStoryListView.as_view(), name="agency"),
    path("sections/<slug:slug>/", views.SectionStoryListView.as_view(), name="section"),
]
