"""The `docgen` command: one thin function per verb; the work happens in the library."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import click

from . import __version__, cli_messages
from .plumbing.errors import DocgenError, os_problem

cli_messages.install()

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt


class _Group(click.Group):
    """Shows DocgenError as its message with exit 2, and anything else as exit 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _terminated)  # unwind like Ctrl-C: LibreOffice and temporary files go too
        try:
            return super().invoke(ctx)
        except DocgenError as exc:
            click.echo(exc.show(), err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Đã dừng theo yêu cầu; các tệp đã ghi xong vẫn còn nguyên.", err=True)
            ctx.exit(130)
        except OSError as exc:  # read-only, full or forbidden: the machine's answer, not docgen's bug
            click.echo(os_problem(exc).show(), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
            click.echo(f"Lỗi nội bộ của docgen ({type(exc).__name__}: {exc}). Hãy báo lỗi này cho nhóm phát triển.", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group("docgen", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="docgen", message="%(prog)s %(version)s")
def main() -> None:
    """docgen: soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML."""


DOC_KINDS = click.Choice(["thong-bao", "chi-thi", "giay-moi", "cong-van"])
RENDER_KINDS = click.Choice(["thong-bao", "chi-thi", "giay-moi", "bien-ban", "cong-van"])
profile_option = click.option(
    "--profile", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Hồ sơ cơ quan (mặc định: docgen.yaml ở thư mục của tệp YAML hoặc thư mục cha gần nhất).")


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Thư mục ghi kết quả (mặc định: cạnh tệp YAML).")
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF (cần LibreOffice).")
@click.option("--force", is_flag=True, help="Ghi đè tệp kết quả đã có.")
@click.option("--type", "kinds", type=RENDER_KINDS, multiple=True, help="Chỉ tạo văn bản loại này (có thể lặp lại); mặc định: mọi văn bản trong van_ban.")
@click.option("--each", is_flag=True, help="Giấy mời: mỗi thành phần được mời một giấy riêng.")
@click.option("--template", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Mẫu .docx riêng của cơ quan (xem: docgen template export).")
@click.option("--nhap", "draft", is_flag=True, help="Bản nháp: in cả khi còn chỗ giữ chỗ của docgen new (…) "
                                                     "hay tên chưa có trong danh bạ, kèm cảnh báo.")
@profile_option
def render(specs: tuple[Path, ...], out_dir: Path | None, pdf: bool, force: bool, kinds: tuple[str, ...],
           each: bool, template: Path | None, draft: bool, profile: Path | None) -> None:
    """Tạo văn bản .docx (và .pdf) từ các tệp YAML."""
    from .commands.render import render_all

    sys.exit(render_all(list(specs), out_dir, pdf, force, echo=click.echo, kinds=kinds, each=each,
                        template=template, profile=profile or "auto", draft=draft))


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--explain", is_flag=True, help="In mọi trường đã xác định và nguồn của nó (tệp YAML, hồ sơ cơ quan hay mặc định).")
@profile_option
def validate(specs: tuple[Path, ...], explain: bool, profile: Path | None) -> None:
    """Kiểm tra các tệp YAML mà không ghi gì."""
    from .commands.validate import validate_all

    sys.exit(validate_all(list(specs), echo=click.echo, profile=profile or "auto", explain=explain))


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục ghi bộ văn bản (nhiều tệp YAML: mỗi văn bản một thư mục con, chung một sổ đăng ký).")
@click.option("--danh-ba", "directory", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp danh bạ đơn vị (mặc định: danh-ba.yaml cạnh tệp YAML hoặc ở thư mục cha gần nhất).")
@click.option("--so", "number", help="Số văn bản do văn thư cấp, khi tệp YAML để trống số; “tiep”: số tiếp theo "
                                         "của năm và ký hiệu, lấy từ sổ đăng ký (đã có số trong sổ thì dùng lại số đó).")
@click.option("--ngay", "date", help="Ngày ban hành đầy đủ, ví dụ 20/9/2021, khi tệp YAML để trống ngày.")
@click.option("--ngay-giay-moi", "invitation_date", help="Ngày ký giấy mời, khi tệp YAML để trống ngày của giấy mời.")
@click.option("--ngay-cong-van", "letter_date", help="Ngày ký công văn (mặc định: ngày của văn bản chính mà công văn gửi kèm).")
@click.option("--ngay-sao", "copy_date", help="Ngày sao và gửi, ghi trên bản trích sao và ở cột Ngày chuyển (mặc định: hôm nay).")
@click.option("--so-dang-ky", "register", type=click.Path(dir_okay=False, path_type=Path),
              help="Sổ đăng ký văn bản đi (.xlsx), bộ đếm số bản sao nằm cạnh sổ; mặc định so-dang-ky-van-ban-di.xlsx "
                   "trong thư mục ghi. Dùng cùng một sổ cho mọi lần phân phối để số bản sao không bao giờ trùng.")
@click.option("--khong-pdf", "no_pdf", is_flag=True, help="Không xuất PDF.")
@click.option("--zip", "make_zip", is_flag=True, help="Đóng gói cả bộ văn bản vào một tệp .zip.")
@click.option("--force", is_flag=True, help="Ghi đè tệp kết quả đã có.")
def distribute(specs: tuple[Path, ...], out_dir: Path, directory: Path | None, number: str | None, date: str | None,
               invitation_date: str | None, letter_date: str | None, copy_date: str | None, register: Path | None,
               no_pdf: bool, make_zip: bool, force: bool) -> None:
    """Phân phối văn bản đã ban hành: bản trích sao cho từng đơn vị, PDF, sổ đăng ký, manifest."""
    from .commands import distribute as command

    sys.exit(command.run(list(specs), out_dir, directory, number, date, copy_date, register, not no_pdf, make_zip, force,
                         echo=click.echo, invitation_date=invitation_date, letter_date=letter_date))


@main.command("nhiem-vu")
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Sổ theo dõi nhiệm vụ (.xlsx); đã có thì cập nhật, giữ nguyên mọi ô Văn phòng đã nhập "
                   "(mặc định: so-theo-doi-nhiem-vu.xlsx ở thư mục hiện tại).")
@click.option("--du-thao", "drafts", is_flag=True, help="Đưa cả nhiệm vụ của văn bản còn là dự thảo (chưa có số, ngày) vào sổ.")
@click.option("--den-ngay", "as_of", help="Tính quá hạn, sắp đến hạn đến ngày này, ví dụ 5/10/2021 (mặc định: hôm nay).")
@click.option("--sap-den-han", "soon_days", type=click.IntRange(min=0), default=7, show_default=True,
              help="Số ngày tới được coi là sắp đến hạn.")
@click.option("--thang", "month", help="Tháng của báo cáo kết quả, ví dụ 9/2021 (mặc định: tháng của --den-ngay).")
@click.option("--cong-van", "letters", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục ghi công văn đôn đốc, một công văn cho mỗi cơ quan có nhiệm vụ quá hạn.")
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF của công văn đôn đốc (cần LibreOffice).")
@click.option("--ban-hanh", "issue", is_flag=True,
              help="Ban hành công văn đôn đốc: cấp số qua Sổ đăng ký văn bản đi (cần --ngay); không có thì là dự thảo.")
@click.option("--ngay", "issue_date", help="Ngày ban hành công văn đôn đốc, ví dụ 5/10/2021 (với --ban-hanh).")
@click.option("--han-moi", "new_deadline", help="Hạn mới ghi trong công văn đôn đốc (mặc định: 7 ngày sau ngày công văn).")
@click.option("--so-dang-ky", "outgoing", type=click.Path(dir_okay=False, path_type=Path),
              help="Sổ đăng ký văn bản đi (.xlsx) dùng để cấp số (mặc định: so-dang-ky-van-ban-di.xlsx cạnh sổ theo dõi).")
@click.option("--lich", "calendars_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục ghi lịch .ics: một tệp cho mỗi cơ quan và một cho cả Văn phòng.")
@click.option("--nguoi-ky", "signer", help="Mã người ký công văn đôn đốc trong hồ sơ cơ quan (mặc định: cvp).")
@click.option("--don-vi-soan", "unit", default="TH", show_default=True, help="Ký hiệu đơn vị soạn thảo công văn: Số: …/VPUBND-TH.")
@click.option("--force", is_flag=True, help="Ghi đè công văn, lịch đã có.")
@profile_option
def nhiem_vu(specs: tuple[Path, ...], out: Path | None, drafts: bool, as_of: str | None, soon_days: int, month: str | None,
             letters: Path | None, pdf: bool, issue: bool, issue_date: str | None, new_deadline: str | None,
             outgoing: Path | None, calendars_dir: Path | None, signer: str | None, unit: str, force: bool,
             profile: Path | None) -> None:
    """Sổ theo dõi nhiệm vụ được giao: quá hạn, báo cáo tháng, công văn đôn đốc, lịch .ics."""
    from .commands import tasks as command

    sys.exit(command.run(list(specs), out, drafts=drafts, as_of=as_of, soon_days=soon_days, month=month, letters=letters,
                         pdf=pdf, issue=issue, issue_date=issue_date, new_deadline=new_deadline, outgoing=outgoing,
                         calendars_dir=calendars_dir, profile=profile, signer=signer, unit=unit, force=force,
                         echo=click.echo))


main.add_command(nhiem_vu, "tasks")  # the English name of the same verb


@main.command()
@click.argument("doc_type", type=DOC_KINDS)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Tệp YAML sẽ tạo (mặc định: in ra màn hình).")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@profile_option
def new(doc_type: str, out: Path | None, force: bool, profile: Path | None) -> None:
    """Tạo tệp YAML mẫu có chú thích cho một loại văn bản (điền sẵn từ hồ sơ cơ quan nếu có)."""
    from .commands import new as command

    sys.exit(command.run(doc_type, out, force, profile, echo=click.echo))


@main.command()
def schema() -> None:
    """In JSON Schema của tệp YAML (cho VS Code và các trình soạn thảo khác)."""
    from .commands import schema as command

    sys.exit(command.run(echo=click.echo))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--layout", is_flag=True, help="Chuyển sang PDF bằng LibreOffice để kiểm tra cả phần dàn trang.")
@click.option("--fix", "fix_out", type=click.Path(dir_okay=False, path_type=Path), help="Ghi bản đã sửa các lỗi sửa được vào tệp này (tệp gốc giữ nguyên).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Dạng kết quả.")
@click.option("--force", is_flag=True, help="Với --fix: ghi đè tệp đã có.")
def check(files: tuple[Path, ...], layout: bool, fix_out: Path | None, fmt: str, force: bool) -> None:
    """Kiểm tra tệp .docx theo thể thức Nghị định 30/2020/NĐ-CP."""
    from .commands.check import check_files

    sys.exit(check_files(list(files), layout, fix_out, fmt, echo=click.echo, force=force))


@main.group()
def template() -> None:
    """Mẫu .docx riêng của cơ quan: xuất mẫu có sẵn, kiểm tra các trường của mẫu."""


@template.command("export")
@click.argument("doc_type", type=DOC_KINDS)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
def template_export(doc_type: str, folder: Path, force: bool) -> None:
    """Xuất mẫu có sẵn của một loại văn bản để sửa trong Word, kèm hướng dẫn các trường."""
    from .commands.template import run_export

    sys.exit(run_export(doc_type, folder, force, echo=click.echo))


@template.command("fields")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def template_fields(file: Path) -> None:
    """Liệt kê các trường, vòng lặp của mẫu; báo thẻ bị tách, chưa đóng, tên trường sai."""
    from .commands.template import run_fields

    sys.exit(run_fields(file, echo=click.echo))


if __name__ == "__main__":
    main()
