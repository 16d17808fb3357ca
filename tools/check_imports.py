"""Checks the layering of the vperp package: no import cycle between its modules, nor between its
sub-packages (chain, sdk, bots, sim, reports). Imports under `if TYPE_CHECKING:` do not count
(they never run). Run: python tools/check_imports.py (`make lint` does). Exit 1 on a cycle."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "vperp"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def runtime_imports(path: Path, name: str) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    is_pkg = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit_one(sub)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_pkg else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # `from pkg import module`
        visit(node)

    visit(tree)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return [*stack[stack.index(m) :], m]
            if m not in state and (c := dfs(m)):
                return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (c := dfs(n)):
            return c
    return None


def main() -> int:
    files = {module_name(p): p for p in sorted((ROOT / PACKAGE).rglob("*.py"))}
    modules: dict[str, set[str]] = {}
    for name, path in files.items():
        deps = {d for d in runtime_imports(path, name) if d in files and d != name}
        # importing a.b.c runs a/__init__ and a/b/__init__ first
        deps |= {".".join(d.split(".")[:i]) for d in deps for i in range(2, d.count(".") + 1)} - {name}
        modules[name] = {d for d in deps if d in files}
    packages: dict[str, set[str]] = {}
    for name, deps in modules.items():
        top = ".".join(name.split(".")[:2])
        packages.setdefault(top, set()).update(
            ".".join(d.split(".")[:2]) for d in deps if ".".join(d.split(".")[:2]) != top
        )
    ok = True
    for label, graph in (("module", modules), ("package", packages)):
        cycle = find_cycle(graph)
        if cycle:
            print(f"{label} import cycle: {' -> '.join(cycle)}")
            ok = False
    if ok:
        print(f"no import cycle among {len(modules)} modules of {PACKAGE}; sub-package dependencies:")
        for pkg in sorted(packages):
            print(f"  {pkg:<15} -> {', '.join(sorted(packages[pkg])) or '(none)'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
