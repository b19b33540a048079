"""The staff's own pages (trainers' inbox, coordinators' statistics): one HTML file and a few
assets each, served with the same strict headers. No inline script, no framing, no caching."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

from handoff_api.errors import not_found

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def staff_page_router(path: str, static_dir: Path, assets: dict[str, str]) -> APIRouter:
    """GET `path` serves static_dir/index.html; GET `path`/<name> serves the listed assets only
    (`assets`: file name -> media type)."""
    router = APIRouter(include_in_schema=False)

    @router.get(path)
    def page() -> Response:
        html = (static_dir / "index.html").read_text(encoding="utf-8")
        return Response(html, media_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)

    @router.get(path + "/{asset}")
    def asset(asset: str) -> Response:
        if asset not in assets:
            raise not_found()
        content = (static_dir / asset).read_text(encoding="utf-8")
        return Response(content, media_type=f"{assets[asset]}; charset=utf-8", headers=SECURITY_HEADERS)

    return router
