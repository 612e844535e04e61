"""ganxian: a command-line tracker for the progress figures local governments publish."""

__version__ = "0.1.0"
