"""What each agency's bản trích sao keeps of the document: the parts that concern it."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import Document, Paragraph, Task
from ..spec.schema import Muc, Spec
from .directory import Agency, Directory


@dataclass(frozen=True)
class Excerpt:
    agency: Agency
    tasks: tuple[Task, ...]
    body: tuple[Paragraph, ...]


def _block(blocks: list[Muc], path: tuple[int, ...]) -> Muc:
    block = blocks[path[0]]
    for i in path[1:]:
        block = block.noi_dung[i]
    return block


def _ancestor(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """a encloses b (strictly)."""
    return len(a) < len(b) and b[: len(a)] == a


def keep(paragraph: Paragraph, task_paths: list[tuple[int, ...]], spec: Spec) -> bool:
    """Opening and closing; the headings above a task; the task and everything under it; and
    the free paragraphs of a section that holds a task (its lead-in)."""
    path = paragraph.path
    if not path:
        return True
    for t in task_paths:
        if _ancestor(path, t) or t == path[: len(t)]:
            return True
    if _block(spec.noi_dung, path).doan is not None:
        parent = path[:-1]
        return any(_ancestor(parent, t) for t in task_paths)
    return False


def concerned(task: Task, directory: Directory) -> list[Agency]:
    """Everyone a task names, as lead or co-operating, groups expanded."""
    seen: dict[int, Agency] = {}
    for name in task.agencies:
        for agency in directory.expand(name):
            seen.setdefault(agency.index, agency)
    return list(seen.values())


def excerpts(doc: Document, spec: Spec, directory: Directory) -> list[Excerpt]:
    """One excerpt per agency that has a task, in directory order."""
    tasks_of: dict[int, list[Task]] = {}
    for task in doc.tasks:
        for agency in concerned(task, directory):
            tasks_of.setdefault(agency.index, []).append(task)
    out = []
    for index in sorted(tasks_of):
        tasks = tasks_of[index]
        paths = [t.path for t in tasks]
        body = tuple(p for p in doc.body if keep(p, paths, spec))
        out.append(Excerpt(directory.agencies[index], tuple(tasks), body))
    return out
