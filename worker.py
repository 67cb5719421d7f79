"""rq worker entry: ``python worker.py`` is the same as ``moderation worker``."""

from moderation.cli import main

if __name__ == "__main__":
    main(["worker"])
