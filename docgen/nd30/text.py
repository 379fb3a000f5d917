"""Fixed wording of the thể thức components (Phụ lục I, Phần I, Mục II; Phụ lục III).

The texts the renderer writes and the checker expects. Quốc hiệu and Tiêu ngữ are in
layout.py (QUOC_HIEU_TEXT, TIEU_NGU_TEXT); the Nơi nhận label is recipients.LABEL.
"""

from __future__ import annotations

# Phụ lục I, Mục II.1.a writes HÒA; the Mục V example and Mẫu 1.6 write HOÀ (nd30.md §9).
QUOC_HIEU_VARIANTS: tuple[str, ...] = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
)

# Phụ lục I, Mục II.5.b: the công văn trích yếu is "V/v" then the subject, no colon.
VV_PREFIX = "V/v "

# Phụ lục I, Mục II.9.a: "Kính gửi:"; II.9.b: a document with Kính gửi lists "- Như trên;" first.
KINH_GUI_LABEL = "Kính gửi:"
NHU_TREN = "Như trên"

# Phụ lục I, Mục II.9.b: the last Nơi nhận line is "- Lưu: VT, …." and ends with a full stop.
ARCHIVE_WORD = "Lưu"
ARCHIVE_CLERK = "VT"

# Phụ lục III, Mẫu 1.4 and the decree's own last sentence: the content ends with "./."
# attached to the last word [sample].
END_MARK = "./."

# Phụ lục I, Mục II.7.đ: the signer's name carries no học hàm, học vị (armed forces and
# education, health and science bodies excepted).
ACADEMIC_TITLES: tuple[str, ...] = ("GS.", "PGS.", "TS.", "ThS.", "TSKH.", "BS.", "KS.", "CN.", "GS.TS.", "PGS.TS.")
