"""Getting wire deliveries in: HTTP polling and drop folders. What is done with the bytes is
:mod:`articles.services.ingest`'s business; when to poll is :mod:`articles.services.feeds`'."""
