"""drivers/camera package."""
