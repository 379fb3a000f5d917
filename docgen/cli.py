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
profile_option = click.option(
    "--profile", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Hồ sơ cơ quan (mặc định: docgen.yaml ở thư mục của tệp YAML hoặc thư mục cha gần nhất).")


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Thư mục ghi kết quả (mặc định: cạnh tệp YAML).")
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF (cần LibreOffice).")
@click.option("--force", is_flag=True, help="Ghi đè tệp kết quả đã có.")
@click.option("--type", "kinds", type=DOC_KINDS, multiple=True, help="Chỉ tạo văn bản loại này (có thể lặp lại); mặc định: mọi văn bản trong van_ban.")
@click.option("--each", is_flag=True, help="Giấy mời: mỗi thành phần được mời một giấy riêng.")
@click.option("--template", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Mẫu .docx riêng của cơ quan (xem: docgen template export).")
@profile_option
def render(specs: tuple[Path, ...], out_dir: Path | None, pdf: bool, force: bool, kinds: tuple[str, ...],
           each: bool, template: Path | None, profile: Path | None) -> None:
    """Tạo văn bản .docx (và .pdf) từ các tệp YAML."""
    from .commands.render import render_all

    sys.exit(render_all(list(specs), out_dir, pdf, force, echo=click.echo, kinds=kinds, each=each,
                        template=template, profile=profile or "auto"))


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
@click.option("--so", "number", type=click.IntRange(min=1, max=999_999), help="Số văn bản do văn thư cấp, khi tệp YAML để trống số.")
@click.option("--ngay", "date", help="Ngày ban hành đầy đủ, ví dụ 20/9/2021, khi tệp YAML để trống ngày.")
@click.option("--ngay-sao", "copy_date", help="Ngày sao và gửi, ghi trên bản trích sao và ở cột Ngày chuyển (mặc định: hôm nay).")
@click.option("--so-dang-ky", "register", type=click.Path(dir_okay=False, path_type=Path),
              help="Sổ đăng ký văn bản đi (.xlsx), bộ đếm số bản sao nằm cạnh sổ; mặc định so-dang-ky-van-ban-di.xlsx "
                   "trong thư mục ghi. Dùng cùng một sổ cho mọi lần phân phối để số bản sao không bao giờ trùng.")
@click.option("--khong-pdf", "no_pdf", is_flag=True, help="Không xuất PDF.")
@click.option("--zip", "make_zip", is_flag=True, help="Đóng gói cả bộ văn bản vào một tệp .zip.")
@click.option("--force", is_flag=True, help="Ghi đè tệp kết quả đã có.")
def distribute(specs: tuple[Path, ...], out_dir: Path, directory: Path | None, number: int | None, date: str | None,
               copy_date: str | None, register: Path | None, no_pdf: bool, make_zip: bool, force: bool) -> None:
    """Phân phối văn bản đã ban hành: bản trích sao cho từng đơn vị, PDF, sổ đăng ký, manifest."""
    from .commands import distribute as command

    sys.exit(command.run(list(specs), out_dir, directory, number, date, copy_date, register, not no_pdf, make_zip, force,
                         echo=click.echo))


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
