"""finale: rehearse the close of a job interview in your terminal."""

__version__ = "0.1.0"
