"""Each line of a code block ready to wrap readably on a phone.

On a phone a code block is about 46 characters wide and most lines of the snippets are longer:
scrolled sideways, their ends (often the comment that explains them) were out of sight. So a
phone wraps each line (extra.css), its continuation two characters deeper than the line itself:
off the grid of Python's four-space levels, so that it never reads as a nested statement. This
step prepares the HTML for that:

- every line in a span of its own (pymdownx.highlight's line_spans writes them for the pages'
  blocks; the notebook page's cells get theirs here);
- each span given its line's indentation, `style="--indent: N"`, N spaces;
- a break opportunity (<wbr>) after `(` and `/`, and after a `.` before a name in a piece too
  long for a row without it, so that a long call wraps at its parts (`torch.nn.functional.` /
  `binary_cross_entropy(`) rather than in the middle of a name, or after a line's leading
  spaces, and a short one is not split at its dot ("y." over "requires_grad"); none inside a
  string or a comment, which wrap at their spaces (not "hour(" / "s)"), and a short literal
  is kept whole (not `end="` / `")`), as are a minus and what it negates, a number with an
  exponent, and a word of a string or comment with a hyphen ("9.4e-14", not "9.4e-" over
  "14"; "->", not "-" over ">": a browser breaks after a hyphen); none right after the
  line's indentation, which left a row empty but for its number;
- a comment at the end of a long line marked (class="trailing"): a phone shows it on a row
  of its own under the code, which keeps the code whole, rather than wrapping the two into
  each other;
- an empty line marked (class="blank"): a phone leaves it unnumbered, the lines around it
  numbered on as if it were not there;
- the "snippets/" that starts every file name above a block marked (class="file-root"): a
  phone leaves it out, and the rest, the name that matches the download, fits ("…ppets/how-
  pytorch-learns/number_types.py" was cut); in the name of a later part of a file
  (continued_blocks.py), its " (continued)" marked (class="continued"), and its folder too
  (class="file-folder"), which a phone leaves out: the first part named it;
- a comment written over several lines, each too long for a phone, gathered into one
  <span class="comment-run">: the source wraps it for a desktop's width, and a phone, wrapping
  each of those lines again, left a word or two alone on every other row ("# swamp."). A
  phone shows the run as one paragraph (extra.css), each joined line's end and "# " hidden.

Copied code is the same text: spans and <wbr> hold none. It works on HTML and knows nothing of
MkDocs.
"""

from __future__ import annotations

import html
import re

import continued_blocks

BLOCK = re.compile(r"(<pre[^>]*><span></span><code[^>]*>)(.*?)(</code></pre>)", re.DOTALL)
# A line's span and its indentation, which may sit inside a token that began on a line above (the
# second line of a docstring: its wrapped rows went under the line numbers, not under its text).
LINE = re.compile(r'(?P<tag><span id="__span-[^"]+")>(?P<token><span class="[^"]*">)?(?P<spaces> +)')
TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
# Where a long line may break: after ( and /, and after "." before a name (not inside 1.5) in
# a piece too long for a row without it (torch.nn.functional.binary_cross_entropy_with_logits,
# probability.flatten().tolist()); also at the end of a token's span, where the highlighting
# put "." or "(" on its own. Not after "[": a list of numbers broke as "[" / "3.0]"; it breaks
# at the spaces after its commas. Not at the dot of a short piece: "y." over "requires_grad"
# read as two things.
BREAK_AFTER = re.compile(r"(\.(?=[A-Za-z_]|$)|[(/](?=[^\s)\]]|$))")
# A piece of a line between the places it may break without its dots: spaces, ( and /.
PIECE = re.compile(r"(?:[^\s(/]|[(/](?=[\s)\]]|$))+[(/]?")
LONG_PIECE = 26  # characters: a shorter piece fits a row of its own at the snippets' indentations
OPEN_SPAN = re.compile(r"<span\b[^>]*>")


def _split_lines(code: str, block: int) -> str:
    """The block's code with each line in a span of its own, the way pymdownx writes them: a
    token's span that crosses a line end is closed before it and opened again after it."""
    lines, line, open_spans = [], [], []
    for tag, text in TAG_OR_TEXT.findall(code):
        if tag:
            line.append(tag)
            if OPEN_SPAN.match(tag):
                open_spans.append(tag)
            elif tag == "</span>" and open_spans:
                open_spans.pop()
            continue
        *whole, rest = text.split("\n")
        for piece in whole:
            line.append(piece + "</span>" * len(open_spans) + "\n")
            lines.append("".join(line))
            line = list(open_spans)
        line.append(rest)
    if "".join(line).strip():
        lines.append("".join(line))
    return "".join(f'<span id="__span-nb{block}-{n}">{text}</span>' for n, text in enumerate(lines, start=1))


# Only a line longer than a phone's column wraps, and needs the breaks: each <wbr> is an element
# the browser styles and lays out, hundreds on a chapter page. The column holds about 46
# characters, 41 beside Python's line numbers; a line of 43 with no break in it moved whole to
# the next row, past the screen, leaving its number on an empty row.
WRAPS = 38
# Pygments' string tokens (s2, sa, sd, si, ...) and comments (c1, and c1 trailing): they wrap
# at their spaces, as prose does ("(3, 1) * (" over "1,) -> (3, 1)" read as broken).
WORDS_ONLY = re.compile(r'<span class="(?:s[0-9a-z]*|c1[^"]*)">')
SHORT_STRING = re.compile(r'<span class="(s[0-9a-z]*)">(["\'][^<"\']{0,6}["\'])</span>')  # a whole literal
# The end of an f-string that is only spaces and its quote: a row broke at the spaces and left
# the quote alone on the next one. Kept whole, the quote stays with what it closes.
CLOSING_QUOTE = re.compile(r'<span class="(s[0-9a-z]*)">( +["\'])</span>')
# A browser may break a line after a hyphen: a minus and what it negates, and a number with an
# exponent, are kept whole (not "cost(0, -" over "h", nor "1e-" over "12").
NEGATED = re.compile(r'<span class="o">-</span>(<span class="[^"]*">[^<]*</span>|[A-Za-z_]\w*)')
SIGNED_NUMBER = re.compile(r'<span class="(m[a-z]*)">([^<]*-[^<]*)</span>')
# A word of printed or written text, or a tag between words (output_blocks.py uses it too).
WORD = re.compile(r"(<[^>]*>)|[^\s<>]+")
# One line of a block, in its span (output_blocks.py reads them with it too).
LINE_SPAN = re.compile(
    r'(?P<open><span id="__span-[^"]+"[^>]*>)(?P<text>.*?)</span>(?=<span id="__span-|$)', re.DOTALL
)
TAG = re.compile(r"<[^>]*>")


BLANK_LINE = re.compile(r'(<span id="__span-[^"]+")>\n</span>')  # a phone numbers it not
FILE_ROOT = "snippets/"
FILE_NAME = '<span class="filename">' + FILE_ROOT
MARKED_FILE_NAME = f'<span class="filename"><span class="file-root">{FILE_ROOT}</span>'
CONTINUED = continued_blocks.CONTINUED
# A later part's name, its root marked: the root, its folder, its file, " (continued)".
CONTINUED_NAME = re.compile(
    f'(<span class="file-root">{FILE_ROOT}</span>)([^<]*/)([^</]*){re.escape(CONTINUED)}</span>'
)
MARKED_CONTINUED_NAME = (
    rf'\1<span class="file-folder">\2</span>\3<span class="continued">{CONTINUED}</span></span>'
)
COMMENT = '<span class="c1">'
LEADING_SPACES = re.compile(r"^( +)")


def _kept_whole(word: re.Match) -> str:
    text = word[0]
    if word[1] is None and "-" in text:
        return f'<span class="nowrap">{text}</span>'
    return text


def keep_hyphenated_whole(text: str) -> str:
    """The text (HTML) with each word that holds a hyphen in a span that a line never breaks
    inside: "1.1920928955078125e-07", "-0.5,", "9.4e-14.", "in-place", "->"."""
    return WORD.sub(_kept_whole, text)


def _wraps(line_text: str) -> bool:
    """Whether a line (its HTML) is too long for a phone's row, beside the line numbers."""
    return len(TAG.sub("", line_text).rstrip("\n")) > WRAPS


def _line_with_breaks(line: re.Match) -> str:
    text = line["text"]
    if not _wraps(text):
        return line[0]
    code, comment, rest = text.partition(COMMENT)
    if comment and TAG.sub("", code).strip():
        if rest.endswith("</span>\n"):  # the line's end inside the comment's row: no empty row after it
            rest = rest.removesuffix("</span>\n") + "\n</span>"
        text = code + '<span class="c1 trailing">' + rest
    plain = html.unescape(TAG.sub("", text))
    long_pieces = [range(*m.span()) for m in PIECE.finditer(plain) if len(m[0]) > LONG_PIECE]
    pieces, in_words, offset = [], [], 0  # for each open span, whether it is a string's or a comment's

    def with_break(found: re.Match, piece: str) -> str:
        at = offset + len(html.unescape(piece[: found.start()]))
        if found[1] == "." and not any(at in span for span in long_pieces):
            return found[1]
        return found[1] + "<wbr>"

    for tag, piece in TAG_OR_TEXT.findall(text):
        if OPEN_SPAN.match(tag):
            in_words.append(bool(WORDS_ONLY.match(tag)))
        elif tag == "</span>" and in_words:
            in_words.pop()
        if tag:
            pieces.append(tag)
        elif any(in_words):
            pieces.append(keep_hyphenated_whole(piece))
        else:
            pieces.append(BREAK_AFTER.sub(lambda found, piece=piece: with_break(found, piece), piece))
        offset += len(html.unescape(piece))
    kept = SHORT_STRING.sub(r'<span class="\1 nowrap">\2</span>', "".join(pieces))
    kept = CLOSING_QUOTE.sub(r'<span class="\1 nowrap">\2</span>', kept)
    kept = SIGNED_NUMBER.sub(r'<span class="\1 nowrap">\2</span>', kept)
    kept = NEGATED.sub(r'<span class="nowrap"><span class="o">-</span>\1</span>', kept)
    # No break right after the indentation: the line's first row would be empty but for its number.
    kept = LEADING_SPACES.sub(r'<span class="nowrap">\1</span>', kept, count=1)
    return line["open"] + kept + "</span>"


def _with_breaks(code: str) -> str:
    return LINE_SPAN.sub(_line_with_breaks, code)


# A line that is a comment alone: its indentation, kept whole or not, then the comment.
COMMENT_LINE = re.compile(
    r'(?P<lead>(?:<span class="nowrap">)? *(?:</span>)?)<span class="c1"># (?P<words>[^\s#][^\n]*)</span>\n$'
)


def _comment_runs(code: str) -> str:
    """The code with each run of long comment lines at one indentation in a comment-run span."""
    lines = [(found, COMMENT_LINE.match(found["text"])) for found in LINE_SPAN.finditer(code)]
    if "".join(found[0] for found, _ in lines) != code:
        return code  # not a block of line spans alone
    out, run = [], []

    def close_run() -> None:
        if len(run) > 1:
            indent = len(TAG.sub("", run[0][1]["lead"]))
            out.append(f'<span class="comment-run" style="--indent: {indent}">')
            for n, (found, comment) in enumerate(run):
                # Hidden on a phone: a joined line's indentation and "# ", and the end of each
                # line but the last (each stays in copied code).
                lead, mark = (
                    (comment["lead"], "# ")
                    if n == 0
                    else ("", f'<span class="join">{comment["lead"]}# </span>')
                )
                end = "\n" if n == len(run) - 1 else '<span class="join">\n</span>'
                # A line short enough not to wrap alone was left as it was: joined, it wraps
                # ("9.4e-" over "14.").
                words = comment["words"]
                if not _wraps(found["text"]):
                    words = keep_hyphenated_whole(words)
                out.append(f'{found["open"]}{lead}<span class="c1">{mark}{words}</span>{end}</span>')
            out.append("</span>")
        else:
            out.extend(found[0] for found, _ in run)
        run.clear()

    for found, comment in lines:
        if not (
            comment
            and run
            and TAG.sub("", comment["lead"]) == TAG.sub("", run[-1][1]["lead"])
            and _wraps(run[-1][0]["text"])
        ):
            close_run()
        if comment:
            run.append((found, comment))
        else:
            out.append(found[0])
    close_run()
    return "".join(out)


def shape(page_html: str) -> str:
    """The page with each code block's lines in spans that carry their indentation, and break
    opportunities at the joints of long calls."""
    count = iter(range(1_000_000))

    def block(found: re.Match) -> str:
        code = found[2]
        if '<span id="__span-' not in code:
            code = _split_lines(code, next(count))
        code = LINE.sub(
            lambda line: (
                f'{line["tag"]} style="--indent: {len(line["spaces"])}">{line["token"] or ""}{line["spaces"]}'
            ),
            code,
        )
        code = BLANK_LINE.sub(r'\1 class="blank">\n</span>', code)
        return found[1] + _comment_runs(_with_breaks(code)) + found[3]

    page_html = page_html.replace(FILE_NAME, MARKED_FILE_NAME)
    page_html = CONTINUED_NAME.sub(MARKED_CONTINUED_NAME, page_html)
    return BLOCK.sub(block, page_html)
