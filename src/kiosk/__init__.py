"""The composition root: configuration, CLI, wiring, workers, back-office client and local store."""
