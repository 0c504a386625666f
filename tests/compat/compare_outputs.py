"""Compares the outputs `research run` gives public .NET Interactive notebooks with the outputs recorded in them.

usage: /usr/bin/python3 compare_outputs.py CORPUS_ROOT OUTDIR [-v]

CORPUS_ROOT holds the public notebooks; OUTDIR is what measure.sh (beside this script) wrote: results.tsv and one
executed NAME.out.ipynb per notebook. Only notebooks that ran to the end (exit 0) are compared. A notebook with no
recorded outputs at all (every .dib, and .ipynb files saved cleared) has nothing to compare; a cell with none is skipped.

Each code cell's outputs become items: stdout, stderr, every display or result and every error. A cell is
  identical     when the items are equal after normalising whitespace (CRLF as LF, trailing spaces) and HTML (a token
                stream: whitespace runs collapsed, attributes sorted, whitespace between tags dropped);
  same content  when what a reader sees is equal: the visible text of every output in order (HTML without markup,
                <style> and <script>; a Mermaid diagram by its source; a Plotly chart by its traces' data), whichever
                output kind or MIME type carried it (.NET Interactive recorded Console output as text/plain results);
  varying       when the visible text is equal once content that differs between runs or machines is masked (RULES:
                GUIDs, dates and times, machine paths, package versions, Submission#N, the culture's currency sign,
                generated element ids; every number in a cell calling Random, DateTime.Now, Stopwatch...), when a
                restore cell lists the same packages (the feed serves other versions than the recording had), or when
                recordings.tsv lists the cell with the reason no top-to-bottom run can reproduce its recording;
  differs       otherwise: a host reason to look at (-v shows the first difference).
A notebook gets its worst cell's verdict; identical, same content and varying notebooks reproduce their recording.
"""

import html.parser
import json
import os
import re
import sys

import nbformat

COMPARED_MIME = ("text/plain", "text/html", "text/markdown", "text/latex")

# Content that differs between two runs of the same notebook on any host, or between machines. Each rule masks
# the matched text in both the recorded and the new output.
RULES = [
    ("guid", re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")),
    ("date/time", re.compile(
        r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
        r"|\d{1,2}/\d{1,2}/\d{4}( \d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?)?"
        r"|\d{4}-\d{2}-\d{2}"
        r"|\b\d{1,2}:\d{2}:\d{2}(\.\d+)?( ?[AP]M)?")),
    ("machine path", re.compile(r"[A-Za-z]:\\[^\s\"'<>]*|(/(home|tmp|Users|usr|var|work|root|opt)/[^\s\"'<>]*)")),
    ("package version", re.compile(r"(?<=, )\d+\.\d+\.\d+(\.\d+)?(-[0-9A-Za-z.\-]+)?|(?<=<span>)\d+\.\d+\.\d+(\.\d+)?(-[0-9A-Za-z.\-]+)?(?=</span>)")),
    ("submission number", re.compile(r"(?<=Submission#)\d+")),
    ("currency sign of the culture", re.compile(r"[$¤€£]")),
    ("generated element id", re.compile(r"\b(id|for|href)=\"#?[A-Za-z_\-]*\d+[A-Za-z0-9_\-]*\"")),
]

# Calls whose results differ from run to run; in a cell that makes one, numbers are masked too.
NONDETERMINISTIC = re.compile(
    r"\bRandom\b|\brandom\b|Guid\.NewGuid|DateTime(Offset)?\.(Now|UtcNow|Today)|Stopwatch|Environment\.|Process\.|"
    r"GC\.|\bElapsed|TotalMemory|WorkingSet|System\.Random|rnd|DateTime\.Now")
# A cell of #r "nuget:..." and #i lines only: its output lists the installed packages. The feed serves other versions
# than the recording had, and restore messages differ, so such a cell is compared by the package names it lists.
RESTORE_CELL = re.compile(r'^(\s*(#r\s+"nuget:[^"]*"|#i\s+"[^"]*"|//[^\n]*)?\s*\n)*\s*(#r\s+"nuget:[^"]*"|#i\s+"[^"]*")?\s*$')


def packages(text):
    return sorted(set(re.findall(r"([A-Za-z][\w.]*), \d", text)))


NUMBER = re.compile(r"-?\d+([.,]\d+)*(E[+-]?\d+)?")


class _Tokens(html.parser.HTMLParser):
    """HTML as a list of tokens: tags with sorted attributes, text with whitespace collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []
        self.visible = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("style", "script")
        self.tokens.append("<%s%s>" % (tag, "".join(" %s=%r" % (k, _space(v or "")) for k, v in sorted(attrs))))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append("<%s%s>" % (tag, "".join(" %s=%r" % (k, _space(v or "")) for k, v in sorted(attrs))))

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "script") and self._hidden > 0
        self.tokens.append("</%s>" % tag)

    def handle_data(self, data):
        text = _space(data)
        if text:
            self.tokens.append(text)
            if not self._hidden:
                self.visible.append(text)


def _space(text):
    return re.sub(r"\s+", " ", text).strip()


def _text(value):
    return "".join(value) if isinstance(value, list) else (value if isinstance(value, str) else json.dumps(value))


def _plain(text):
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _html(text):
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    return "\n".join(parser.tokens)


def items(cell):
    """The comparable items of one code cell's outputs, in order: (channel, exact text, visible text)."""
    result, streams = [], {}
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream":
            streams.setdefault(output.get("name", "stdout"), []).append(_text(output.get("text", "")))
        elif kind in ("display_data", "execute_result"):
            data = output.get("data", {})
            exact = []
            for mime in sorted(data):
                text = _text(data[mime])
                if mime == "text/html":
                    exact.append("html: " + _html(text))
                elif mime in COMPARED_MIME:
                    exact.append(mime + ": " + _plain(text))
                else:
                    exact.append(mime)
            visible = _diagram(data) or _chart(data) or (_visible(_text(data["text/html"])) if "text/html" in data else
                _plain(_text(data.get("text/plain", data.get("text/markdown", data.get("text/latex", ""))))))
            result.append(("display", "\n".join(exact), visible))
        elif kind == "error":
            message = _plain(output.get("evalue", ""))
            result.append(("error", message, message))
    for name in sorted(streams, reverse=True):
        text = _plain("".join(streams[name]))
        if text:
            result.insert(0, (name, text, text))
    return result


def _diagram(data):
    """A Mermaid diagram by its source: ours as text/vnd.mermaid, .NET Interactive's inside a script that loads mermaid."""
    if "text/vnd.mermaid" in data:
        return "mermaid: " + _space(_text(data["text/vnd.mermaid"]))
    found = re.search(r"mermaidAPI\.render\(\s*'[^']*',\s*`([^`]*)`", _text(data.get("text/html", "")))
    return "mermaid: " + _space(found.group(1)) if found else None


def _chart(data):
    """A Plotly chart by its traces: ours as application/vnd.plotly.v1+json, .NET Interactive's inside a script."""
    if "application/vnd.plotly.v1+json" in data:
        figure = data["application/vnd.plotly.v1+json"]
        traces = (json.loads(figure) if isinstance(figure, str) else figure).get("data", [])
    else:
        found = re.search(r"var data = (\[.*?\]);\s*\n", _text(data.get("text/html", "")), re.S)
        if not found or "renderPlotly" not in _text(data.get("text/html", "")):
            return None
        traces = json.loads(found.group(1))
    keys = ("type", "name", "x", "y", "z", "values", "labels", "text")
    return "chart: " + json.dumps([{k: _floats(t[k]) for k in keys if k in t} for t in traces], sort_keys=True)


def _floats(value):
    if isinstance(value, list):
        return [_floats(v) for v in value]
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _visible(text):
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    return " ".join(t for t in parser.visible)


def content(cell_items):
    """What a reader sees: every output's visible text in order, whitespace collapsed, the channel ignored."""
    return _space(" ".join(visible for _, _, visible in cell_items))


def masked(text, numbers):
    for _, rule in RULES:
        text = rule.sub("#", text)
    return NUMBER.sub("#", text) if numbers else text


def compare(recorded_nb, ours_nb, known):
    """(verdict, details) for one notebook: the worst verdict of its cells."""
    worst, details = 0, []
    rec_cells = [c for c in recorded_nb.cells if c.cell_type == "code"]
    our_cells = [c for c in ours_nb.cells if c.cell_type == "code"]
    if len(rec_cells) != len(our_cells):
        return "differs", ["code cells: recorded %d, ours %d" % (len(rec_cells), len(our_cells))]
    if not any(c.get("outputs") for c in rec_cells):
        return "no recorded outputs", []
    for index, (rec, ours) in enumerate(zip(rec_cells, our_cells), 1):
        a, b = items(rec), items(ours)
        if not a:
            continue
        numbers = bool(NONDETERMINISTIC.search(rec.source))
        if [x[:2] for x in a] == [x[:2] for x in b]:
            level, why = 0, ""
        elif content(a) == content(b):
            level, why = 1, "same content, other markup"
        elif masked(content(a), numbers) == masked(content(b), numbers):
            level, why = 2, "varying content"
        elif RESTORE_CELL.match(rec.source) and packages(content(a)) == packages(content(b)):
            level, why = 2, "same packages (versions and restore messages differ)"
        elif index in known:
            level, why = 2, "recording: " + known[index]
        else:
            level, why = 3, first_difference(content(a), content(b))
        worst = max(worst, level)
        if why:
            details.append("code cell %d: %s" % (index, why))
    return VERDICTS[worst], details


VERDICTS = ["identical", "same content", "varying", "differs"]


def first_difference(a, b):
    at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    start = max(0, at - 60)
    return "at %d\n    recorded: %r\n    ours:     %r" % (at, a[start:at + 160], b[start:at + 160])


def main(argv):
    root, outdir = argv[1], argv[2]
    verbose = "-v" in argv
    known = {}
    for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "recordings.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            notebook, cell, reason = line.rstrip("\n").split("\t")
            known.setdefault(notebook, {})[int(cell)] = reason
    counts = {}
    for line in open(os.path.join(outdir, "results.tsv"), encoding="utf-8"):
        code, _, notebook = line.rstrip("\n").split("\t")[:3]
        if code != "0":
            continue
        if notebook.endswith(".dib"):
            verdict, details = "no recorded outputs", []
        else:
            name = re.sub(r"^\./", "", notebook).replace("/", "__")
            recorded = nbformat.read(os.path.join(root, notebook), as_version=4)
            ours = nbformat.read(os.path.join(outdir, name + ".out.ipynb"), as_version=4)
            verdict, details = compare(recorded, ours, known.get(notebook, {}))
        counts[verdict] = counts.get(verdict, 0) + 1
        print("%-12s %s" % (verdict, notebook))
        if verbose:
            for detail in details:
                print("    " + detail)
    print("ran to the end: %d; %s" % (sum(counts.values()), ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    print("reproducing their recorded outputs (all but differs and no recorded outputs): %d"
          % sum(n for verdict, n in counts.items() if verdict in VERDICTS[:3]))


if __name__ == "__main__":
    main(sys.argv)
