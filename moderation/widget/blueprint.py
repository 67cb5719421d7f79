"""The widget blueprint, apart from ``__init__`` so that its views import it without an import circle."""

from flask import Blueprint

bp = Blueprint("widget", __name__)
