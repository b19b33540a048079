"""The web pages: the visitor's chat (standalone and embeddable) and the counsellor's console.

Plain static files (no build step). Every page gets headers fit for a page that shows
victims' words: a strict Content-Security-Policy without inline script, no referrer, no
caching, no framing (the chat may be framed only by the helplines' own sites).
"""

import json
import re
from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from handoff_api.errors import not_found

STATIC_DIR = Path(__file__).resolve().parent / "static"
_STATIC_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*\.(js|css|svg)$")
_MEDIA_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
}

router = APIRouter(include_in_schema=False)


def _security_headers(request: Request, frame_ancestors: str, *, cross_origin_script: bool = False) -> dict:
    host = request.headers.get("host", "")
    ws_scheme = "wss" if request.url.scheme == "https" else "ws"
    csp = "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        f"connect-src 'self' {ws_scheme}://{host}" if host else "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        f"frame-ancestors {frame_ancestors}",
    ])
    headers = {
        "Content-Security-Policy": csp,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Resource-Policy": "cross-origin" if cross_origin_script else "same-origin",
    }
    if frame_ancestors == "'none'":
        headers["X-Frame-Options"] = "DENY"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
    return headers


def _chat_frame_ancestors(request: Request) -> str:
    origins = [o for o in request.app.state.settings.cors_origins if re.fullmatch(r"https?://[\w.:-]+", o)]
    return " ".join(["'self'", *origins])


def _page(name: str, replacements: dict[str, str]) -> str:
    html = (STATIC_DIR / name).read_text(encoding="utf-8")
    for key, value in replacements.items():
        html = html.replace("{{" + key + "}}", value)
    return html


def _json_block(value) -> str:
    """JSON safe inside <script type="application/json"> (never executed: CSP allows no inline script)."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@router.get("/chat/{entry_point}", response_class=HTMLResponse)
def chat_page(entry_point: str, request: Request) -> HTMLResponse:
    catalog = request.app.state.catalog
    helpline = catalog.helpline_for_entry_point(entry_point)
    if helpline is None:
        raise not_found("Deze chatknop kennen we niet.", "Unknown entry point.")
    settings = request.app.state.settings
    html = _page("chat.html", {
        "ENTRY_POINT": escape(entry_point),
        "HELPLINE_NAME": escape(helpline.name),
        "SIMULATED_CLOCK": "1" if settings.allow_simulated_clock else "0",
        "ROUND_THE_CLOCK": _json_block(
            [p.model_dump() for p in catalog.round_the_clock[helpline.country]]
        ),
    })
    return HTMLResponse(html, headers=_security_headers(request, _chat_frame_ancestors(request)))


@router.get("/console", response_class=HTMLResponse)
def console_page(request: Request) -> HTMLResponse:
    catalog = request.app.state.catalog
    helplines = [{"id": h.id, "name": h.name} for h in catalog.helplines]
    html = _page("console.html", {"HELPLINES": _json_block(helplines)})
    return HTMLResponse(html, headers=_security_headers(request, "'none'"))


@router.get("/widget.js")
def widget_script(request: Request) -> Response:
    """The one-script-tag embed: `<script src=".../widget.js" data-entry-point="...">`."""
    headers = _security_headers(request, "'none'", cross_origin_script=True)
    headers["Cache-Control"] = "no-cache"
    return FileResponse(STATIC_DIR / "widget.js", media_type=_MEDIA_TYPES["js"], headers=headers)


@router.get("/static/{name}")
def static_file(name: str, request: Request) -> Response:
    if not _STATIC_NAME.fullmatch(name) or not (STATIC_DIR / name).is_file():
        raise not_found()
    return FileResponse(
        STATIC_DIR / name,
        media_type=_MEDIA_TYPES[name.rsplit(".", 1)[1]],
        headers=_security_headers(request, "'none'"),
    )
