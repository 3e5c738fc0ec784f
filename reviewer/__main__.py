from reviewer.cli import main

# guarded: a process pool started with "spawn" imports this module in its workers too
if __name__ == "__main__":
    raise SystemExit(main())
