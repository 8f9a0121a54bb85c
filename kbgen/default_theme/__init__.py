"""kbgen's built-in theme: Jinja templates and static assets (a package so it installs with kbgen)."""
