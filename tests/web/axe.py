"""axe-core (from the npm registry: package.json, installed by `make setup` with `npm ci`) run
inside a Playwright page. The pages' Content-Security-Policy allows no injected script, so a
context that runs axe is made with `bypass_csp=True`; every other test keeps the real policy."""

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}"""


def axe_violations(page, impacts=BLOCKING) -> list[str]:
    """The page's axe-core violations of the given impacts, one readable line each."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make setup` (it runs `npm ci`).")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(_RUN)
    return [f"{v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}" for v in found if v["impact"] in impacts]
