"""JSON shapes of the API, one module per resource (after CTFd's ``CTFd/schemas/<resource>.py``).

Each pydantic model here is used three ways: to validate what a client sends, to serialise what the server
answers, and to write the OpenAPI document (``api/openapi.py``), so the document and the server cannot drift.
The bulk import validates its rows with the same submit shape. Nothing here imports Flask.
"""
