"""What each agency's copy keeps of the document: the parts that concern it, and who gets one.

An excerpt keeps the opening and closing, the agency's own tasks with everything under them,
the headings above them and the free paragraphs (lead-ins) of the sections that hold them;
never a paragraph that assigns another agency's task. Who gets one is the office's choice
(`trich_sao:` in the danh bạ, `TrichSao`): by default the lead agencies of tasks that are not
already on Nơi nhận; co-operating agencies and groups only when asked. An excerpt that would
carry the whole body is not a trích sao: it is marked `whole`, for a bản sao y or none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import Document, Paragraph, Task
from ..spec.schema import Muc, Spec
from . import copies
from .directory import Agency, Directory


@dataclass(frozen=True)
class Excerpt:
    agency: Agency
    tasks: tuple[Task, ...]
    body: tuple[Paragraph, ...]
    whole: bool = False  # the excerpt is the whole body: a bản sao y (SY), not a trích sao


def _block(blocks: list[Muc], path: tuple[int, ...]) -> Muc:
    block = blocks[path[0]]
    for i in path[1:]:
        block = block.noi_dung[i]
    return block


def _ancestor(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """a encloses b (strictly)."""
    return len(a) < len(b) and b[: len(a)] == a


def _within(path: tuple[int, ...], task: tuple[int, ...]) -> bool:
    """path is the task's paragraph or lies under it."""
    return path[: len(task)] == task


def keep(paragraph: Paragraph, mine: list[tuple[int, ...]], spec: Spec,
         others: list[tuple[int, ...]] = ()) -> bool:  # type: ignore[assignment]
    """Opening and closing; the agency's tasks and what lies under them; the headings above
    them; the free paragraphs of a (numbered) section that holds one of them. Never a paragraph
    that states, or lies under, a task of another agency only."""
    path = paragraph.path
    if not path:
        return True
    if any(_within(path, t) for t in mine) or any(_ancestor(path, t) for t in mine):
        return True
    if any(_within(path, t) for t in others):
        return False
    block = _block(spec.noi_dung, path)
    if (block.doan is not None or block.bang is not None) and not block.chu_tri:  # a free paragraph or a table
        parent = path[:-1]
        # A top-level free paragraph belongs to no section: it is not the lead-in of any task.
        return bool(parent) and any(_ancestor(parent, t) for t in mine)
    return False


def _named(name: str, directory: Directory, groups: bool) -> list[Agency]:
    found = directory.lookup(name)
    if found is None:
        return []
    if isinstance(found, Agency):
        return [found]
    return directory.expand(name) if groups else []


def receivers(task: Task, directory: Directory) -> list[Agency]:
    """Who gets a copy for this task, under the office's policy."""
    policy = directory.copy_policy
    wanted = task.owners + (task.cooperating if policy.gui == "chu-tri-phoi-hop" else ())
    seen: dict[int, Agency] = {}
    for name in wanted:
        for agency in _named(name, directory, policy.nhom):
            seen.setdefault(agency.index, agency)
    return list(seen.values())


def excerpts(doc: Document, spec: Spec, directory: Directory) -> list[Excerpt]:
    """One excerpt per agency that gets a copy, in directory order."""
    policy = directory.copy_policy
    on_list = set() if policy.ca_noi_nhan else {a.index for a in copies.recipients_of(spec, directory)}
    tasks_of: dict[int, list[Task]] = {}
    for task in doc.tasks:
        for agency in receivers(task, directory):
            if agency.index not in on_list:
                tasks_of.setdefault(agency.index, []).append(task)
    out = []
    for index in sorted(tasks_of):
        tasks = tasks_of[index]
        mine = [path for t in tasks for path in t.paths]
        others = [path for t in doc.tasks for path in t.paths if path not in mine]
        body = tuple(p for p in doc.body if keep(p, mine, spec, others))
        out.append(Excerpt(directory.agencies[index], tuple(tasks), body, whole=body == doc.body))
    return out
