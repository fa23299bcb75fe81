"""Implementations of cli.py subcommands that act on the store (users, audit, data); no Streamlit."""
