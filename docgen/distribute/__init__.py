"""Distribution of an issued document: the danh bạ of agencies, copy counts, one bản trích sao
per agency with tasks, the registers of Phụ lục IV, a manifest. The `distribute` verb that
drives these over a batch is docgen.commands.distribute."""

from .copies import archive_copies, copy_count, recipients_of
from .directory import Agency, Directory, find_directory, load_directory

__all__ = ["Agency", "Directory", "archive_copies", "copy_count", "find_directory", "load_directory", "recipients_of"]
