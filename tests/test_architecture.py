"""The dependencies ARCHITECTURE.md says must never exist, checked on the source.

Every .py under claims/, sources/ and config/ is parsed (ast, nothing imported) and each import of
a project module is recorded with where it sits: at module level (runs on import) or inside a
function (a late import, runs when called). The tests fail when

- sources imports claims (at any level: sources tells claims things through signals);
- claims.extraction imports Django or any project module outside claims.extraction;
- claims.semantic imports Django or any project module outside it and claims.extraction;
- the module-level imports form a cycle;
- a late import of a project module is not listed in LATE_IMPORTS with its reason;
- a module imports, or reads through an imported module, another module's _private name;
- anything but the doors (claims.api, claims.admin, claims.views, the commands) and config
  imports a door.

Known violations in code other engineers are refactoring are listed in KNOWN_VIOLATIONS, each
with a comment; an entry that no longer matches anything fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("claims", "sources", "config")


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # a project module, or the top-level package of any other import
    name: str  # the name imported from target ("" for the module itself)
    late: bool  # inside a function: runs when called, not when the module is imported
    type_only: bool  # under `if TYPE_CHECKING:`
    line: int

    @property
    def project(self) -> bool:
        return self.target.split(".")[0] in PACKAGES


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


MODULES = _source_files()


def _is_package(module: str) -> bool:
    return MODULES.get(module, Path()).name == "__init__.py"


class _Collector(ast.NodeVisitor):
    """The imports of one module, and the _private names it reads through imported modules."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.imports: list[Import] = []
        self.private_reads: list[tuple[str, str, int]] = []  # (module, name, line)
        self._bound: dict[str, str] = {}  # local name -> project module it is bound to
        self._depth = 0  # functions we are inside
        self._type_only = 0

    def _add(self, target: str, name: str, line: int) -> None:
        self.imports.append(
            Import(self.module, target, name, self._depth > 0, self._type_only > 0, line)
        )

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        type_checking = (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        )
        if not type_checking:
            self.generic_visit(node)
            return
        self._type_only += 1
        for child in node.body:
            self.visit(child)
        self._type_only -= 1
        for child in node.orelse:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in PACKAGES:
                self._add(alias.name, "", node.lineno)
                if alias.asname:
                    self._bound[alias.asname] = alias.name
                else:  # `import a.b` binds a, through which a.b is reached
                    self._bound[alias.name.split(".")[0]] = alias.name.split(".")[0]
            else:
                self._add(alias.name.split(".")[0], "", node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            package = self.module if _is_package(self.module) else self.module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
        else:
            base = node.module or ""
        if base.split(".")[0] not in PACKAGES:
            if base != "__future__":
                self._add(base.split(".")[0], "", node.lineno)
            return
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in MODULES:
                self._add(submodule, "", node.lineno)
                self._bound[alias.asname or alias.name] = submodule
            else:
                self._add(base, alias.name, node.lineno)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        chain: list[str] = []
        value: ast.expr = node
        while isinstance(value, ast.Attribute):
            chain.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name) and value.id in self._bound:
            # Walk a.b.c: follow submodules while they are modules, then the next name is the
            # module's own.
            module = self._bound[value.id]
            for attr in reversed(chain):
                if f"{module}.{attr}" in MODULES:
                    module = f"{module}.{attr}"
                    continue
                if _private(attr) and module != self.module:
                    self.private_reads.append((module, attr, node.lineno))
                break
            return  # the whole chain is handled: do not visit its inner Attribute nodes
        self.generic_visit(node)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _collect() -> tuple[list[Import], list[tuple[str, str, str, int]]]:
    imports: list[Import] = []
    private_reads: list[tuple[str, str, str, int]] = []
    for module, path in MODULES.items():
        collector = _Collector(module)
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        imports += collector.imports
        private_reads += [
            (module, target, name, line) for target, name, line in collector.private_reads
        ]
    return imports, private_reads


IMPORTS, PRIVATE_READS = _collect()


def _where(imp: Import) -> str:
    return f"{MODULES[imp.importer].relative_to(ROOT)}:{imp.line}"


# --- Allowlists ------------------------------------------------------------------------------

# Late imports of project modules (inside a function), each with the reason it is late.
# (importer, imported module) -> reason.
LATE_IMPORTS: dict[tuple[str, str], str] = {
    ("claims.apps", "claims.checks"): "AppConfig.ready() registers the system checks",
    ("claims.apps", "claims.receivers"): "AppConfig.ready() connects the signal receivers",
    ("claims.apps", "claims.triggers"): "post_migrate handler: needs the app registry ready",
    ("config.api", "claims.workflow"): (
        "the API's exception handler turns claims' WorkflowError into the error shape; config "
        "loads before the apps it configures"
    ),
    ("config.openapi", "config.api"): (
        "DRF's settings load config.openapi (DEFAULT_SCHEMA_CLASS); config.api imports DRF "
        "modules that read those settings"
    ),
    ("claims.extraction.pipeline", "claims.extraction.learned"): (
        "the learned scorer loads on first use: its model file is slow to read, and most "
        "commands never extract"
    ),
    ("claims.extraction.learned.training", "claims.extraction.learned.scorer"): (
        "only an evaluation on a dev set needs the scorer"
    ),
    ("claims.management.commands.train_checkworthiness", "claims.extraction.learned.training"): (
        "training needs numpy and scipy (development requirements); the command says so"
    ),
    ("claims.migrations.0009_backfill_frozen_versions", "claims.extraction"): (
        "a migration's functions import app code when they run, not when Django loads the graph"
    ),
    ("claims.migrations.0010_public_record_triggers", "claims.triggers"): (
        "a migration's functions import app code when they run, not when Django loads the graph"
    ),
}

# Violations tolerated for a while in code being refactored (sources/, claims/admin/), each with
# a comment; empty now: the late imports of sources.services in claims/admin and sources/admin
# went during issue 16. An entry must still match something, or the test fails.
KNOWN_VIOLATIONS: dict[str, dict[tuple[str, str], str]] = {
    # (importer, imported module) -> why it is tolerated for now
    "sources_imports_claims": {},
    # (importer, imported module): late imports with no reason to be late, to move to the top
    "late_imports": {},
    # (importer, "module._name")
    "private_names": {},
}


# --- The rules -------------------------------------------------------------------------------


def _known(rule: str, key: tuple[str, str]) -> bool:
    return key in KNOWN_VIOLATIONS[rule]


def test_sources_never_imports_claims():
    found = {
        (imp.importer, imp.target): _where(imp)
        for imp in IMPORTS
        if imp.importer.split(".")[0] == "sources" and imp.target.split(".")[0] == "claims"
    }
    unexpected = {
        key: where for key, where in found.items() if not _known("sources_imports_claims", key)
    }
    assert not unexpected, (
        "sources must not import claims; send a signal (sources.signals) that claims answers "
        f"in claims/receivers.py instead: {unexpected}"
    )
    stale = set(KNOWN_VIOLATIONS["sources_imports_claims"]) - set(found)
    assert not stale, f"Remove these from KNOWN_VIOLATIONS['sources_imports_claims']: {stale}"


def test_extraction_is_pure_python():
    found = [
        f"{_where(imp)} imports {imp.target}"
        for imp in IMPORTS
        if imp.importer.startswith("claims.extraction")
        and (
            imp.target.split(".")[0] == "django"
            or (imp.project and not (imp.target + ".").startswith("claims.extraction."))
        )
    ]
    assert not found, (
        "claims.extraction is pure Python: no Django, and no project module outside it. Pass "
        f"what it needs in as arguments: {found}"
    )


def test_semantic_matching_runs_without_django():
    """claims.semantic runs in memory (match_file, the evaluation script): no Django, and of
    the project only itself and the pure extraction package."""
    found = [
        f"{_where(imp)} imports {imp.target}"
        for imp in IMPORTS
        if imp.importer.startswith("claims.semantic")
        and (
            imp.target.split(".")[0] == "django"
            or (
                imp.project
                and not (imp.target + ".").startswith(("claims.semantic.", "claims.extraction."))
            )
        )
    ]
    assert not found, f"claims.semantic must not need Django or the rest of claims: {found}"


# The ways in: HTTP (the API, the desk, the public pages) and the command line. The rest of
# claims (services, selectors, models, tasks, receivers...) never imports them; config.urls, the
# composition root, does.
DOORS = ("claims.api", "claims.admin", "claims.views", "claims.management")


def _in(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def test_only_the_doors_and_config_import_the_doors():
    found = [
        f"{_where(imp)} imports {imp.target}"
        for imp in IMPORTS
        if _in(imp.target, DOORS)
        and not _in(imp.importer, DOORS)
        and not imp.importer.startswith("config.")
    ]
    assert not found, (
        "The API, the desk, the public pages and the commands call the services and selectors; "
        f"nothing they call imports them back: {found}"
    )


def _module_level_graph() -> dict[str, set[str]]:
    """Edges that run when a module is imported. Importing a.b.c runs the packages a and a.b
    too, unless the importer is already inside them (then they are being imported anyway)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for imp in IMPORTS:
        if not imp.project or imp.late or imp.type_only or imp.target not in MODULES:
            continue
        graph[imp.importer].add(imp.target)
        parts = imp.target.split(".")
        for end in range(1, len(parts)):
            package = ".".join(parts[:end])
            inside = imp.importer == package or imp.importer.startswith(package + ".")
            if not inside and package in MODULES:
                graph[imp.importer].add(package)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (or a module importing itself),
    by Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_no_import_cycles_at_module_level():
    cycles = _cycles(_module_level_graph())
    assert not cycles, (
        "These modules import each other at module level. Move what both need into a module "
        "below them, or (last resort) import inside the function and list it in LATE_IMPORTS: "
        f"{cycles}"
    )


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"a"}}) == [["a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_collector_sees_late_relative_type_only_and_private_uses():
    source = """
from typing import TYPE_CHECKING
from claims import selectors
from claims.matching import _spread
from . import feeds
import django.db
if TYPE_CHECKING:
    from claims.models import Claim
def f():
    from claims import tasks
    return selectors._latest_published, tasks.discover_related, feeds.FeedPagination
"""
    collector = _Collector("claims.api.claims")
    collector.visit(ast.parse(source))
    seen = {(imp.target, imp.name, imp.late, imp.type_only) for imp in collector.imports}
    assert seen == {
        ("typing", "", False, False),
        ("claims.selectors", "", False, False),
        ("claims.matching", "_spread", False, False),
        ("claims.api.feeds", "", False, False),
        ("django", "", False, False),
        ("claims.models", "Claim", False, True),
        ("claims.tasks", "", True, False),
    }
    assert [(module, name) for module, name, _line in collector.private_reads] == [
        ("claims.selectors", "_latest_published")
    ]


def test_late_imports_are_listed_with_a_reason():
    found = {
        (imp.importer, imp.target): _where(imp)
        for imp in IMPORTS
        if imp.project and imp.late and imp.target != imp.importer
    }
    unlisted = {
        key: where
        for key, where in found.items()
        if key not in LATE_IMPORTS and not _known("late_imports", key)
    }
    assert not unlisted, (
        "A function imports a project module: import it at the top, or list it in "
        f"LATE_IMPORTS saying why it must be late: {unlisted}"
    )
    stale = (set(LATE_IMPORTS) | set(KNOWN_VIOLATIONS["late_imports"])) - set(found)
    assert not stale, f"These late imports are gone: remove them from the lists: {stale}"


def test_no_module_reads_another_modules_private_names():
    found: dict[tuple[str, str], str] = {}
    for imp in IMPORTS:
        if imp.project and imp.name and _private(imp.name) and imp.target != imp.importer:
            found[(imp.importer, f"{imp.target}.{imp.name}")] = _where(imp)
    for importer, target, name, line in PRIVATE_READS:
        found[(importer, f"{target}.{name}")] = f"{MODULES[importer].relative_to(ROOT)}:{line}"
    unexpected = {key: where for key, where in found.items() if not _known("private_names", key)}
    assert not unexpected, (
        "A module uses another module's _private name: make it public in the module that owns "
        f"it (and name it for what it is), or move the code that needs it there: {unexpected}"
    )
    stale = set(KNOWN_VIOLATIONS["private_names"]) - set(found)
    assert not stale, f"Remove these from KNOWN_VIOLATIONS['private_names']: {stale}"
