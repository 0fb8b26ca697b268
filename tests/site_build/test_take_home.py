"""site_build/take_home.py on a small page made here: which blocks and prose go home, and the foot line."""

from __future__ import annotations

import json
import sys

import page_code
import pytest
import take_home

PAGE = """---
description: "A page."
---

# A chapter

!!! info "Sources"
    Not code.

Some opening words.

## First steps

The data, see [the other chapter](other.md#there) and [the web](https://example.org):

```python title="snippets/a/b.py"
x = 1
print(x)
```

```text title="Output"
1
```

$$
y = 2
$$

because it is so. The line:

```python
print(x + 1)
```

<!-- pytest.mark.skip(reason="a quoted broken original") -->
```python
print(undefined)
```

## Try it

1. **Add.** What is x + 2?

??? success "Solution to 1"
    Add two:

    ```python
    print(x + 2)
    ```
"""


def made(tmp_path):
    blocks = page_code.blocks(PAGE, "docs/a.md", page_code.expander({"base_path": [str(tmp_path)]}))
    return take_home.downloads("a", PAGE, blocks, "A page.")


def test_the_notebook_has_the_run_blocks_in_order_with_headings_and_lead_ins(tmp_path):
    notebook = json.loads(made(tmp_path)["a/a.ipynb"])
    cells = [(c["cell_type"], "".join(c["source"])) for c in notebook["cells"]]
    assert cells[0][0] == "markdown" and cells[0][1].startswith("# A chapter\n\nA page.\n\n")
    assert cells[1:] == [
        # A link to another page keeps its words; a link to the web stays a link.
        ("markdown", "## First steps\n\nThe data, see the other chapter and [the web](https://example.org):"),
        ("code", "x = 1\nprint(x)"),
        # "because it is so" ends a sentence broken by display math: no lead-in.
        ("code", "print(x + 1)"),
        # The skipped block is not there; the solution's title and lead-in are.
        ("markdown", "## Try it\n\n#### Solution to 1\n\nAdd two:"),
        ("code", "print(x + 2)"),
    ]
    assert [c["id"] for c in notebook["cells"]] == [f"cell-{n}" for n in range(1, 6 + 1)]


def test_the_same_page_gives_the_same_bytes(tmp_path):
    assert made(tmp_path) == made(tmp_path)


def test_the_script_is_the_notebook_with_prose_as_comments_and_runs(tmp_path):
    import subprocess

    script = made(tmp_path)["a/a.py"]
    assert script.startswith("# %% [markdown]\n# # A chapter\n")
    assert "# ## First steps\n" in script and "print(undefined)" not in script
    (tmp_path / "a.py").write_text(script)
    result = subprocess.run([sys.executable, "a.py"], cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout == "1\n2\n3\n"


def test_the_foot_line_reads_the_date_from_source_date_epoch():
    html = take_home.verified_html({"SOURCE_DATE_EPOCH": "1764000000"})  # 2025-11-24 16:00 UTC
    assert html.endswith('on <time datetime="2025-11-24">24\u00a0November\u00a02025</time>.</p>')
    python = f"Python {sys.version_info.major}.{sys.version_info.minor}"
    assert f" and {python} on " in html and "+cpu" not in html


def test_colab_opens_a_notebook_only_from_a_github_repository():
    url = take_home.colab_url("https://github.com/someone/course/", "sigmoid/sigmoid.ipynb")
    assert url == (
        "https://colab.research.google.com/github/someone/course/blob/"
        f"{take_home.NOTEBOOK_BRANCH}/sigmoid/sigmoid.ipynb"
    )
    assert take_home.colab_url("https://gitlab.com/someone/course", "a/a.ipynb") is None
    assert take_home.colab_url("", "a/a.ipynb") is None


def test_the_buttons_follow_the_title_and_colab_comes_only_with_its_link():
    meta = {"script": "a.py", "notebook": "a.ipynb", "colab": None}
    html = take_home.with_actions('<h1 id="a">A chapter</h1><p>Text</p>', meta)
    assert html.startswith('<h1 id="a">A chapter</h1><div class="take-home"')
    assert html.endswith("</div><p>Text</p>") and "Colab" not in html
    assert ">Script (.py)</a>" in html and ">Notebook (.ipynb)</a>" in html
    with_colab = take_home.actions_html({**meta, "colab": "https://colab.example/a"})
    assert with_colab.endswith('<a class="md-button" href="https://colab.example/a">Open in Colab</a></div>')
    with pytest.raises(ValueError, match="title"):
        take_home.with_actions("<p>No title</p>", meta)
