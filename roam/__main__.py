"""`python -m roam`: the same command line as `roam`, where no script is on PATH."""

from roam.cli import main

if __name__ == "__main__":
    main(prog_name="roam")
