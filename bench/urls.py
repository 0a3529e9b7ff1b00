"""The read benchmark's URLs: the product's, and the floor every page is measured against."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

FLOOR_BODY = (b"<!DOCTYPE html><title>floor</title>" + b"x" * 8192)[:8192]


def floor(request: HttpRequest) -> HttpResponse:
    """A fixed 8 KB page: what serving any response costs in this set-up."""
    return HttpResponse(FLOOR_BODY)


def count_queries(get_response):
    """Answer X-Bench-Queries with the statements a request ran, when the request asks for it."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if "X-Bench-Queries" not in request.headers:
            return get_response(request)
        statements = []
        with connection.execute_wrapper(
            lambda execute, sql, *args: statements.append(sql) or execute(sql, *args)
        ):
            response = get_response(request)
        response["X-Bench-Queries"] = str(len(statements))
        return response

    return middleware


urlpatterns = [
    path("bench/floor/", floor),
    path("", include("newsroom.urls")),
]
