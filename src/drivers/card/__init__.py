"""drivers/card package."""
