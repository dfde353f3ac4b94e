"""`python -m awesome_lint` runs the command line."""

from awesome_lint.cli import main

main()
