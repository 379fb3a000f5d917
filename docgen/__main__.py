"""`python -m docgen …`: the same commands as the `docgen` script."""

from .cli import main

main(prog_name="docgen")
