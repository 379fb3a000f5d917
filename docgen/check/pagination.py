"""`--layout`, what the page breaks do: the signer block on one page, no heading left at the
foot of a page without its text.

The decree says nothing about page breaks; a văn thư does: a page whose signer's title is at
its foot and whose name is on the next sheet cannot be signed and sealed as one, and a heading
printed alone at the foot of a page is read as the end of a section. Both are judged from the
PDF LibreOffice lays out, by finding the words the .docx says those paragraphs hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .components import Components, whole
from .docmodel import DocxFile, Para
from .rules import NotApplicable, NotChecked
from .text import excerpt, fold, num

if TYPE_CHECKING:
    from .layout import Block, Layout, Page

PT_PER_MM = 72 / 25.4
TWIPS_PER_PT = 20
HEADING_MAX_CHARS = 250  # a bold paragraph longer than this is text, not a heading
FOOT_TOLERANCE_PT = 2.0


def printings(page: "Page", text: str) -> list["Block"]:
    """Every printing of `text` on the page, from the top down."""
    found: list[Block] = []
    while (block := page.find(text, below=found[-1].top + 0.5 if found else None)) is not None:
        found.append(block)
    return found


def last_on_page(page: "Page", text: str) -> "Block | None":
    """The lowest printing of `text` on the page (a name also quoted in the body prints above)."""
    found = printings(page, text)
    return found[-1] if found else None


def signer_pages(laid: "Layout", c: Components) -> tuple[int, "Block", "Block"]:
    """(page number, title, name) of the signer block, the title above the name on one page.

    Raises Split with what was seen when they are not on one page: a signer block that a page
    break cut (or that the PDF does not show at all) is not one a văn thư can sign."""
    title_text, name_text = c.signer_titles[-1].shown, c.signer_name.shown  # type: ignore[union-attr]
    name_at = [(page, b) for page in laid.pages if (b := last_on_page(page, name_text)) is not None]
    title_at = [(page, b) for page in laid.pages if (b := last_on_page(page, title_text)) is not None]
    if name_at:
        page, name = name_at[-1]
        # The title over the name, in its column: "GIÁM ĐỐC" also reads in a Nơi nhận item
        # "- Giám đốc Sở;" set lower down in the left column.
        titles = [b for b in printings(page, title_text) if b.bottom <= name.top and b.x0 < name.x1 and b.x1 > name.x0]
        if titles:
            return page.number, titles[-1], name
    where_name = f"họ tên ở trang {name_at[-1][0].number}" if name_at else "không thấy họ tên trên bản dàn trang"
    where_title = (f"chức vụ ở trang {', '.join(str(p.number) for p, _ in title_at)}" if title_at
                   else "không thấy chức vụ trên bản dàn trang")
    raise Split(f"{where_title}, {where_name}", name_at[-1][0].number if name_at else len(laid.pages))


class Split(Exception):
    def __init__(self, found: str, page: int) -> None:
        super().__init__(found)
        self.found, self.page = found, page


def _chars(p: Para) -> list[tuple[bool, str]]:
    return [(bool(run.fmt.bold), ch) for run in p.runs for ch in p.text[run.start:run.end] if not ch.isspace()]


def is_heading(p: Para) -> bool:
    """A heading of the body (I., 1., a), Điều …): the whole paragraph bold, short, not the
    closing line."""
    chars = _chars(p)
    own = p.text[len(p.label):].strip()
    return (bool(chars) and all(bold for bold, _ in chars) and len(own) <= HEADING_MAX_CHARS
            and not own.endswith("/.") and not fold(own).startswith("can cu"))


def headings(c: Components) -> list[Para]:
    """Body headings that have text after them (the last paragraph has none)."""
    return [p for p in c.body[:-1] if is_heading(p)]


def _text_below(page: "Page", block: "Block", foot: float) -> bool:
    return any(w.top > block.bottom + 0.5 and w.bottom <= foot for w in page.words)


def heading_keep(laid: "Layout", doc: DocxFile, c: Components, fail, where) -> None:
    """No heading is the last printed line of a page while its text goes on the next."""
    if not c.body:
        raise NotChecked("không tìm thấy phần nội dung")
    wanted = headings(c)
    if not wanted:
        raise NotApplicable("nội dung không có đề mục")
    bottom_pt = min(s.bottom for s in doc.sections) / TWIPS_PER_PT
    index, top = 0, None  # search on from the last heading found: the same words may repeat
    missing = []
    for p in wanted:
        seg = whole(p)
        text = seg.shown if seg is not None else p.shown
        hit = None
        for i in range(index, len(laid.pages)):
            block = laid.pages[i].find(text, below=top if i == index else None)
            if block is not None:
                hit = (i, block)
                break
        if hit is None:
            missing.append(text)
            continue
        index, block = hit
        top = block.top + 0.5
        page = laid.pages[index]
        foot = page.height - bottom_pt + FOOT_TOLERANCE_PT
        if not _text_below(page, block, foot) and index + 1 < len(laid.pages):
            fail(where(page.number, text), "đề mục cùng trang với dòng đầu của nội dung dưới nó",
                 f"đề mục là dòng cuối trang {page.number}, nội dung sang trang {page.number + 1}")
    if missing:
        shown = "; ".join(excerpt(t) for t in missing[:3])
        raise NotChecked(f"không tìm thấy {num(len(missing))} đề mục trên bản dàn trang ({shown})")
