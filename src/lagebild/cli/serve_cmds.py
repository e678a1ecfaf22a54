"""`lagebild serve`: the REST API and web UI over a store."""
from __future__ import annotations

import click

from ..api import serve as make_server
from .common import config_option, db_option, handle_errors, settings_from


@click.command()
@db_option
@config_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8750, show_default=True,
              help="Port to listen on (0 picks a free one).")
@handle_errors
def serve(db: str | None, config: str | None, host: str, port: int) -> None:
    """Serve the REST API (/api/...) and the web UI (/) for a store."""
    settings = settings_from(config)
    from ..config import store_path

    path = store_path(settings, db)
    server = make_server(path, host, port, settings)
    click.echo(f"Serving {path} on http://{host}:{server.server_port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    finally:
        server.server_close()


def register(group: click.Group) -> None:
    group.add_command(serve)
