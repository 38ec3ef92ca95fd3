"""The REST API (FastAPI): parse the request, call the library, render JSON or HTML."""

from chronik.api.app import create_app

__all__ = ["create_app"]
