"""The explorers in Chromium: the page's numbers at its settings, keyboard, axe, both schemes, no JS."""

from __future__ import annotations

import math
import re
from urllib.parse import urlparse

import pytest
import torch
from axe_playwright_python.sync_playwright import Axe
from support.captured import numbers, run_snippet, section_output
from support.chromium import SCHEMES, VIEWPORTS
from support.explorers import EXPLORERS
from support.tiers import sweep

BUDGET = 20 * 1024  # bytes of the site's own JavaScript on a page


def result(page, explorer: str) -> str:
    return page.locator(f'[data-explorer="{explorer}"] [role="status"]').text_content()


# sigmoid: sliders for w and b over the four students, the BCE loss beside them.


def torch_students(w: float, b: float) -> tuple[list[float], float]:
    """What snippets/sigmoid/students.py computes, at any w and b."""
    hours = torch.tensor([1.0, 2.0, 3.0, 4.0])
    passed = torch.tensor([0.0, 0.0, 1.0, 1.0])
    probability = torch.sigmoid(w * hours + b)
    return probability.tolist(), torch.nn.functional.binary_cross_entropy(probability, passed).item()


@pytest.mark.parametrize("path", ["sigmoid/"])  # a parameter, to run with the page's other visits
def test_sigmoid_explorer_starts_at_the_pages_numbers(visited, rendered, path):
    visit = visited(path)  # a shared visit: this test only reads
    page = visit.page
    printed = section_output(rendered, "sigmoid/students", "students")
    # w = 2.0, b = -5.0 / P(pass): 0.0474 0.2689 0.7311 0.9526 / BCE loss: 0.1809
    assert page.input_value("#explorer-sigmoid-w") == "2" and page.input_value("#explorer-sigmoid-b") == "-5"
    shown = result(page, "sigmoid")
    assert shown.startswith("At W = 2.0, b = \u22125.0: ")  # a minus sign, as the prose writes it
    page_numbers = [f"{n:.4f}" for n in numbers(printed)[2:]]
    assert re.findall(r"\d\.\d{4}", shown) == page_numbers and len(page_numbers) == 5
    assert visit.errors == []


@pytest.mark.slow
def test_sigmoid_explorer_with_the_keyboard_alone_matches_torch(visit):
    page = visit("sigmoid/").page
    page.focus("#explorer-sigmoid-w")
    for _ in range(5):
        page.keyboard.press("ArrowRight")  # w: 2.0 -> 2.5
    page.keyboard.press("Tab")  # the next control is b
    assert page.evaluate("document.activeElement.id") == "explorer-sigmoid-b"
    for _ in range(12):
        page.keyboard.press("ArrowLeft")  # b: -5.0 -> -6.2
    probabilities, loss = torch_students(2.5, -6.2)
    expected = [f"{p:.4f}" for p in probabilities] + [f"{loss:.4f}"]
    shown = result(page, "sigmoid")
    assert shown.startswith("At W = 2.5, b = \u22126.2: ")
    assert re.findall(r"\d\.\d{4}", shown) == expected
    # The value beside each slider says where it is.
    assert page.text_content('output[for="explorer-sigmoid-w"]') == "2.5"
    assert page.text_content('output[for="explorer-sigmoid-b"]') == "\u22126.2"


@pytest.mark.slow
def test_sigmoid_explorer_clamps_the_log_as_torch_does(visit):
    """Far from the data BCELoss clamps each log at -100; the explorer gives the same loss."""
    page = visit("sigmoid/").page
    page.fill("#explorer-sigmoid-w", "-2")
    page.fill("#explorer-sigmoid-b", "5")
    _, loss = torch_students(-2.0, 5.0)
    assert re.findall(r"\d+\.\d{4}", result(page, "sigmoid"))[-1] == f"{loss:.4f}"


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "slate"))
@pytest.mark.parametrize("explorer", sweep(EXPLORERS, "threshold"))
def test_explorer_is_labelled_live_accessible_and_follows_the_scheme(visited, explorer, scheme):
    path, labels = EXPLORERS[explorer]
    visit = visited(path, scheme)  # a shared visit: this test only reads
    page = visit.page
    root = page.locator(f'[data-explorer="{explorer}"]')
    assert root.is_visible()
    for label in labels:
        assert page.get_by_label(label, exact=True).get_attribute("type") == "range"
    assert root.locator('[role="status"][aria-live="polite"]').count() == 1
    violations = Axe().run(
        page, context=f'[data-explorer="{explorer}"]', options={"resultTypes": ["violations"]}
    )
    found = [
        (v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"])
        for v in violations.response["violations"]
    ]
    assert found == []
    # The drawing takes the page's text colour: dark on light, light on dark.
    fill = root.locator(".explorer__tick").first.evaluate("e => getComputedStyle(e).fill")
    red, green, blue = (int(c) for c in re.findall(r"\d+", fill)[:3])
    lightness = (red + green + blue) / (3 * 255)
    assert (lightness > 0.6) if scheme == "slate" else (lightness < 0.4), fill
    assert visit.errors == []


# As the figures' text (tests/site/test_figure_text.py): CSS px at 1280 px and on a 390 px phone.
SMALLEST_LABEL = {"desktop": 11, "phone": 9}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("explorer", sweep(EXPLORERS, "threshold"))
def test_explorer_labels_are_big_enough(visited, explorer, viewport, record_property):
    page = visited(EXPLORERS[explorer][0], "default", viewport).page
    sizes = page.eval_on_selector_all(
        f'[data-explorer="{explorer}"] .explorer__tick',
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize) * e.ownerSVGElement.getScreenCTM().a)",
    )
    record_property("report", f"explorer labels {explorer} [{viewport}]: {min(sizes):.1f} px")
    assert sizes and min(sizes) >= SMALLEST_LABEL[viewport], sizes


AXIS_TITLES = {  # explorer: its x axis's title and its y axis's
    "sigmoid": ("hours studied", "σ(Wx + b)"),
    "steps": ("W", "cost"),
    "threshold": ("recall", "precision"),
}
# Each label's box on the screen, in CSS px, and the least gap between any two of them.
LABEL_GAPS = """(svg) => {
  const boxes = [...svg.querySelectorAll(".explorer__tick")]
    .map(t => [t.textContent, t.getBoundingClientRect()]);
  let least = [Infinity];
  for (const [i, [a, p]] of boxes.entries())
    for (const [b, q] of boxes.slice(i + 1)) {
      const gap = Math.max(q.left - p.right, p.left - q.right, q.top - p.bottom, p.top - q.bottom);
      if (gap < least[0]) least = [gap, a, b];
    }
  return {texts: boxes.map(([t]) => t), least};
}"""


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "phone"))
@pytest.mark.parametrize("explorer", sweep(EXPLORERS, "threshold"))
def test_explorer_axes_have_titles_and_no_two_labels_touch(visited, explorer, viewport):
    page = visited(EXPLORERS[explorer][0], "default", viewport).page
    labels = page.locator(f'[data-explorer="{explorer}"] svg.explorer__plot').evaluate(LABEL_GAPS)
    assert set(AXIS_TITLES[explorer]) <= set(labels["texts"])
    gap, first, second = labels["least"]
    assert gap >= 2, f"{first!r} and {second!r} are {gap:.1f} px apart"


@pytest.mark.parametrize(
    ("explorer", "figure"),
    sweep(
        [("sigmoid", "sigmoid/function/shape"), ("steps", "linear-regression/train/landscape")],
        ("sigmoid", "sigmoid/function/shape"),
    ),
)
def test_without_javascript_the_static_figure_stays_and_no_explorer_shows(visit, explorer, figure):
    page = visit(EXPLORERS[explorer][0], javascript=False).page
    assert not page.locator(f'[data-explorer="{explorer}"]').is_visible()
    figures = page.locator(f'img[src*="figures/{figure}"]')
    assert any(figures.nth(i).is_visible() for i in range(figures.count()))


@pytest.mark.parametrize(
    "path", sweep(["sigmoid/", "linear-regression/", "judging-a-classifier/", ""], "sigmoid/")
)
def test_the_sites_own_javascript_stays_under_20_kib_a_page(visited, site, path, record_property):
    # The site's own scripts (not Material's bundle), by URL; their sizes are read from the site.
    scripts = {url for url in visited(path).requests if "/javascripts/" in url and "/assets/" not in url}
    sizes = {url: (site / urlparse(url).path.lstrip("/")).stat().st_size for url in scripts}
    total = sum(sizes.values())
    record_property("report", f"own JavaScript {path or 'home page'}: {total} bytes in {len(scripts)} files")
    assert total <= BUDGET, sizes
    if path:
        assert any(re.search(r"explorer-(sigmoid|steps|threshold)\.js$", url) for url in scripts)
    else:  # a page without an explorer loads only the loader
        assert scripts and not any("explorer-" in url for url in scripts)


def test_the_students_prose_matches_the_run(rendered):
    printed = section_output(rendered, "sigmoid/students", "students")
    w, b = numbers(printed.splitlines()[0])
    assert -b / w == 2.5  # "the midpoint -b/w sits at 2.5 hours"
    _, loss = torch_students(w, b)
    assert math.isclose(numbers(printed.splitlines()[2])[0], loss, abs_tol=5e-5)


# linear-regression: a gradient-descent stepper, converging below 2/lambda and diverging above.


@pytest.fixture(scope="module")
def descent(rendered):
    """The chapter's own train() (snippets/linear-regression/exercise.py), run by torch."""
    train = run_snippet(rendered, "linear-regression/exercise")["train"]

    def after(lr: float, epochs: int) -> tuple[float, float, float]:
        """W and b after the steps, and the cost before the last one."""
        W, b, cost = train(lr, epochs)
        return W.item(), b.item(), cost

    return after


def press(page, name: str, times: int = 1) -> None:
    """Activate a button from the keyboard: focus it, then Enter."""
    button = page.get_by_role("button", name=name, exact=True)
    for _ in range(times):
        button.focus()
        page.keyboard.press("Enter")


def test_stepper_at_the_pages_learning_rate_prints_the_pages_log(visit, rendered):
    opened = visit("linear-regression/")
    page = opened.page
    assert page.input_value("#explorer-steps-lr") == "0.01"
    shown = []
    press(page, "Step")
    shown.append(result(page, "steps"))
    for _ in range(20):
        press(page, "100 steps")
        shown.append(result(page, "steps"))
    # Epoch    0/2000 W: 0.187, b: 0.080 Cost: 18.666666 ... Epoch 2000/2000 W: 1.997, b: 0.006 Cost: 0.000005
    assert shown == section_output(rendered, "linear-regression/train", "train").splitlines()
    assert opened.errors == []


@pytest.mark.slow
def test_stepper_verdict_turns_at_the_limit_the_chapter_derives_without_naming_it(visit, rendered):
    """Exercise 2 asks for the largest safe rate: the verdict turns there but does not say it."""
    page = visit("linear-regression/").page
    printed = section_output(rendered, "linear-regression/exercise", "learning_rate")
    limit = float(re.search(r"diverges above lr = 2 / [\d.]+ = ([\d.]+)", printed).group(1))  # 0.1803
    for rate, verdict in ((limit - 0.001, "converges"), (limit + 0.001, "diverges")):
        page.fill("#explorer-steps-lr", f"{rate:.3f}")
        note = page.text_content(".explorer__note")
        assert f"descent {verdict}." in note and f"{limit:.4f}" not in note, note
    assert page.get_attribute(".explorer__note", "aria-live") == "polite"  # a new verdict is announced


@pytest.mark.slow
@pytest.mark.parametrize(("lr", "verdict"), [(0.17, "converges"), (0.19, "diverges")])
def test_stepper_converges_below_the_limit_and_diverges_above_as_torch_does(visit, descent, lr, verdict):
    page = visit("linear-regression/").page
    page.focus("#explorer-steps-lr")
    page.keyboard.press("End")  # the keyboard reaches the top of the range ...
    assert page.input_value("#explorer-steps-lr") == "0.25"
    page.fill("#explorer-steps-lr", str(lr))  # ... and the test sets the exercise's rate
    assert f"descent {verdict}." in page.text_content(".explorer__note")
    press(page, "100 steps", 2)
    W, b, cost = descent(lr, 200)

    def show(value, digits):
        return f"{value:.{digits}f}" if abs(value) < 1e6 else f"{value:.3g}"

    expected = f"Epoch  199/2000 W: {show(W, 3)}, b: {show(b, 3)} Cost: {show(cost, 6)}"
    assert result(page, "steps") == expected
    if verdict == "diverges":
        assert cost > 1e18  # the exercise prints 8.77e+18 after 200 epochs at 0.19


@pytest.mark.slow
def test_stepper_plays_and_pauses_from_the_keyboard(visit):
    page = visit("linear-regression/").page
    page.focus("#explorer-steps-lr")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Step"
    press(page, "Play")
    page.wait_for_function(
        "document.querySelector('[data-explorer=steps] [role=status]').textContent.startsWith('Epoch')"
    )
    press(page, "Pause")
    assert page.get_by_role("button", name="Play", exact=True).is_visible()
    stopped = result(page, "steps")
    page.wait_for_timeout(300)
    assert result(page, "steps") == stopped  # paused means paused
    assert page.get_attribute('[data-explorer="steps"] [role="status"]', "aria-busy") is None
    press(page, "Reset")
    assert result(page, "steps") == "Before the first step: W: 0.000, b: 0.000"


# judging-a-classifier: a threshold slider over the held-out examples.


@pytest.mark.parametrize("path", ["judging-a-classifier/"])  # as above
def test_threshold_explorer_at_05_shows_the_pages_counts_and_measures(visited, rendered, path):
    visit = visited(path)  # a shared visit: this test only reads
    page = visit.page
    assert page.input_value("#explorer-threshold") == "0.5"
    simulated = section_output(rendered, "judging-a-classifier/metrics", "simulated")
    held_out = simulated.split("held-out data: ")[1]
    # {'TP': 677, 'FP': 111, 'FN': 152, 'TN': 1060} / accuracy 0.869  precision 0.859  recall 0.817
    counts = dict(re.findall(r"'(TP|FP|FN|TN)': (\d+)", held_out.splitlines()[0]))
    accuracy, precision_, recall_ = re.findall(r"\d\.\d{3}", held_out.splitlines()[1])
    f1 = float(numbers(section_output(rendered, "judging-a-classifier/metrics", "f1").splitlines()[1])[-1])
    expected = (
        f"At threshold 0.50: accuracy {accuracy}  precision {precision_}  recall {recall_}  F1 {f1:.3f}"
    )
    assert result(page, "threshold") == expected
    cells = page.locator(".explorer__matrix td").all_text_contents()
    assert [c for c in cells if c] == [f"{name} {counts[name]}" for name in ("TP", "FN", "FP", "TN")]
    # Each cell shaded by its share: true negatives, the most, darkest.
    shares = page.locator(".explorer__matrix td:not(:empty)").evaluate_all(
        "els => els.map(e => e.style.getPropertyValue('--share'))"
    )
    total = sum(int(n) for n in counts.values())
    assert shares == [f"{round(100 * int(counts[name]) / total)}%" for name in ("TP", "FN", "FP", "TN")]
    assert visit.errors == []


@pytest.mark.slow
def test_threshold_explorer_gives_every_row_of_the_pages_table(visit, rendered):
    page = visit("judging-a-classifier/").page
    header, *table = section_output(rendered, "judging-a-classifier/metrics", "threshold").splitlines()
    assert header.split() == ["threshold", "precision", "recall", "F1"] and len(table) == 7
    for line in table:  #      0.35      0.807   0.884  0.844
        threshold, p, r, f1 = line.split()
        page.fill("#explorer-threshold", threshold)
        shown = result(page, "threshold")
        assert shown.startswith(f"At threshold {threshold}: ")
        assert shown.endswith(f"precision {p}  recall {r}  F1 {f1}"), (line, shown)


@pytest.mark.slow
def test_threshold_explorer_with_the_keyboard_moves_the_point_on_the_curve(visit):
    page = visit("judging-a-classifier/").page
    before = page.get_attribute(".explorer__marker", "cx"), page.get_attribute(".explorer__marker", "cy")
    page.focus("#explorer-threshold")
    for _ in range(15):
        page.keyboard.press("ArrowLeft")  # 0.50 -> 0.35
    assert page.input_value("#explorer-threshold") == "0.35"
    assert result(page, "threshold").startswith("At threshold 0.35: ")
    after = page.get_attribute(".explorer__marker", "cx"), page.get_attribute(".explorer__marker", "cy")
    # A lower threshold finds more: recall (x) grows, precision (y, drawn downwards) falls.
    assert float(after[0]) > float(before[0]) and float(after[1]) > float(before[1])


@pytest.mark.slow
def test_without_its_data_the_explorer_leaves_the_static_figure_alone(browser, base_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*.explorer.json", lambda route: route.abort())
        page.goto(f"{base_url}/sigmoid/", wait_until="networkidle")
        assert page.locator("[data-explorer]").count() == 0  # removed, not left half-built
        assert errors == []  # no uncaught rejection
        figures = page.locator('img[src*="figures/sigmoid/function/shape"]')
        assert any(figures.nth(i).is_visible() for i in range(figures.count()))
    finally:
        context.close()
