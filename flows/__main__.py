from flows.cli import entry

# Guarded: the process-pool task runner re-imports the main module in its workers.
if __name__ == "__main__":
    entry()
