"""reviewer: read, flag, annotate and compare Chinese government annual reports."""

__version__ = "0.1.0"
