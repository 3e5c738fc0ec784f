"""The app's screens: the report picker and the main review screen."""
