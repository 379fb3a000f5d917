"""The machine says no (disk full, read-only, no permission, a planted link): exit 2 in Vietnamese,
naming the path, and no temporary file left behind."""

from __future__ import annotations

import errno
import os

import pytest

from docgen.plumbing import output
from docgen.plumbing.errors import DocgenError, EnvironmentProblem, os_problem
from docgen.plumbing.journal import Journal


@pytest.mark.parametrize("code,word", [(errno.ENOSPC, "đầy"), (errno.EROFS, "chỉ đọc"), (errno.EACCES, "quyền"),
                                       (errno.EDQUOT, "đầy")])
def test_a_write_the_disk_refuses_is_a_plain_message(tmp_path, monkeypatch, code, word):
    def refuse(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, "fsync", refuse)
    target = tmp_path / "a.docx"
    with pytest.raises(EnvironmentProblem) as caught:
        output.write_atomic(target, b"data")
    assert word in caught.value.show() and str(target) in caught.value.show() and caught.value.exit_code == 2
    assert list(tmp_path.iterdir()) == [], "the temporary file is removed"


def test_every_errno_reads_as_vietnamese():
    for code in (errno.EPERM, errno.ENOTDIR, errno.ENOENT, errno.ELOOP, errno.EISDIR, errno.EIO):
        text = os_problem(OSError(code, os.strerror(code), "/x/y")).show()
        assert "«/x/y»" in text and "Lỗi nội bộ" not in text


def test_planted_links_are_never_followed(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep")
    link = tmp_path / "out" / ".docgen-resume.jsonl"
    link.parent.mkdir()
    link.symlink_to(victim)
    with pytest.raises(DocgenError, match="liên kết"):
        Journal.append(link, {"spec": "x"})
    with pytest.raises(DocgenError, match="liên kết"):
        output.write_atomic(link, b"x")
    dangling = tmp_path / "out" / "lock"
    dangling.symlink_to(tmp_path / "created")
    with pytest.raises(DocgenError, match="liên kết"):
        output.open_nofollow(dangling, os.O_CREAT | os.O_RDWR)
    assert victim.read_text() == "keep" and not (tmp_path / "created").exists()
