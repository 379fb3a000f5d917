"""Distribution of an issued document: the danh bạ of agencies, copy counts, one bản trích sao
per agency with tasks, the registers of Phụ lục IV, PDFs, a manifest; in batches."""

from .copies import archive_copies, copy_count, recipients_of
from .directory import Agency, Directory, find_directory, load_directory
from .names import safe_filename, unique_filenames
from .run import DistributeOptions, distribute_all, parse_date

__all__ = [
    "Agency", "Directory", "DistributeOptions", "archive_copies", "copy_count", "distribute_all", "find_directory",
    "load_directory", "parse_date", "recipients_of", "safe_filename", "unique_filenames",
]
