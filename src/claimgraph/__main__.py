"""`python -m claimgraph ...`: the `claimgraph` command, for when the console script is not
on the PATH (a virtual environment not activated, a system without script shims)."""

from claimgraph.cli import main

if __name__ == "__main__":
    main()
