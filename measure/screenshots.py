"""Full-page screenshots of every page of a built site, in light and dark, at 1280 px and on a phone.

For a person to look at, not a test (the browser tests hold what was seen):

    python measure/screenshots.py [SITE_DIR] [--out DIR] [--page PATH ...]

writes DIR/<page>-<scheme>-<screen>.png (default DIR: .cache/screenshots). Build the
site first (`make screenshots` does both).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import local_site

# Material adds a code block's copy button once the block first scrolls into view (content.lazy):
# each is brought into view, as a reader scrolling down does, so that the screenshot shows them.
MOUNT_COPY_BUTTONS = """async () => {
    for (const block of document.querySelectorAll("article div.highlight")) {
        if (block.offsetParent === null) continue;  // in a closed box
        block.scrollIntoView({block: "center"});
        await new Promise(requestAnimationFrame);
    }
    window.scrollTo(0, 0);
}"""


def take(chromium, base_url: str, pages: list[str], out: Path) -> list[Path]:
    """Screenshots of the pages (paths such as "sigmoid/") of the site at base_url, with a
    Playwright browser: every scheme on every screen, the lazy figures and copy buttons loaded."""
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    for page_path in pages:
        for scheme in local_site.SCHEMES:
            for screen in local_site.VIEWPORTS:
                context = local_site.new_context(chromium, scheme, screen)
                page = context.new_page()
                local_site.load(page, f"{base_url}/{page_path}")  # explorers mounted too
                local_site.scroll_through_figures(page)  # else lazy figures are blank space
                page.evaluate(MOUNT_COPY_BUTTONS)
                taken.append(out / f"{page_path.strip('/') or 'index'}-{scheme}-{screen}.png")
                page.screenshot(path=taken[-1], full_page=True)
                context.close()
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path(".cache/screenshots"))
    parser.add_argument("--page", action="append", help="a page's path, as 'sigmoid/'; default: every page")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"error: no built site in {args.site} (run `make build`)", file=sys.stderr)
        return 1
    if local_site.chromium_path() is None:
        print("error: no Chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with local_site.serve(args.site) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=local_site.chromium_path(), args=local_site.CHROMIUM_ARGS
        )
        taken = take(chromium, base, args.page or local_site.site_pages(args.site), args.out)
        chromium.close()
    print(f"{len(taken)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
