"""The server-rendered web UI: Jinja2 templates, one CSS file, no JavaScript build."""
