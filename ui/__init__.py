"""Streamlit views. Only widgets and layout live here; logic is in geo/ and indicators/."""
