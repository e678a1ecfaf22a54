"""URL canonicalisation for stable article ids."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that only track the reader, never select content.
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "wt_", "at_", "ref", "icid")


def canonical_url(url: str) -> str:
    """Lower-case scheme/host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING_PREFIXES)]
    path = parts.path.rstrip("/") or "/"
    scheme = parts.scheme.lower() if parts.scheme.lower() != "http" else "https"
    return urlunsplit((scheme, host.lower(), path, urlencode(sorted(query)), ""))


def domain_of(url: str | None) -> str | None:
    """Registered host of a URL without ``www.``; None for paths or junk."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host
