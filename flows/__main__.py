from flows.cli import entry

# Guarded: the process-pool task runner re-imports the main module in its workers.
if __name__ == "__main__":
    # Spawned pool workers then re-run this file by path (multiprocessing skips a package's
    # __main__ given by name), importing the package first: their parent watch
    # (nato_briefs.lifeline) starts before seconds of Prefect imports, so kill -9 of the run
    # does not leave them behind.
    __spec__ = None
    entry()
