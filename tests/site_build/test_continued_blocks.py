"""A later part of a snippet file is titled as the continuation of the one named above it."""

from __future__ import annotations

import continued_blocks

PAGE = """\
```python title="snippets/sigmoid/function.py"
--8<-- "snippets/sigmoid/function.py:values"
```

```text title="Output"
--8<-- "sigmoid/function/output.txt:values"
```

```python
--8<-- "snippets/sigmoid/function.py:slope"
```

??? figure-code "The code for this figure"
    ```python
    --8<-- "snippets/sigmoid/function.py:figure"
    ```

```python
--8<-- "snippets/sigmoid/students.py:data"
```
"""


def test_later_parts_of_a_named_file_are_titled_and_nothing_else_changes():
    labelled = continued_blocks.label(PAGE)
    continued = 'title="snippets/sigmoid/function.py (continued)"'
    assert labelled.count(continued) == 2
    assert f'```python {continued}\n--8<-- "snippets/sigmoid/function.py:slope"' in labelled
    assert f'    ```python {continued}\n    --8<-- "snippets/sigmoid/function.py:figure"' in labelled
    # A file the page has not named yet is left as written; so is everything else.
    assert '```python\n--8<-- "snippets/sigmoid/students.py:data"' in labelled
    assert labelled.replace(f" {continued}", "") == PAGE
