"""Qt Quick views and the Python view-models that QML binds to."""
