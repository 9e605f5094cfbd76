"""ui/viewmodels package."""
