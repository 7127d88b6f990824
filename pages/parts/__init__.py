"""Helpers of the screens in ``pages/``: kept in this subfolder so Streamlit never lists one as a page."""
