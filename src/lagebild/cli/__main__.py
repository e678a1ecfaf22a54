"""`python -m lagebild.cli` runs the command line."""
from . import main

main()
