"""``python -m newsschema``: the same command line as the ``newsschema`` script."""

from .cli import main

main(prog_name="newsschema")
