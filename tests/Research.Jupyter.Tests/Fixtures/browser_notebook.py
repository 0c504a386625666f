"""A researcher's path through a real browser: Debian's Jupyter Notebook server on loopback, a notebook on the
research kernel opened in headless Chromium (driven over the DevTools protocol), Cell > Run All clicked in the page,
then the rendered outputs checked.

usage: browser_notebook.py WORKDIR [SCREENSHOT.png]   (JUPYTER_PATH must find the .net-csharp kernelspec)
Exits 0 when every check passes, leaving WORKDIR/browser.ipynb as the front end saved it; otherwise prints what the
page showed.
"""
import base64
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import nbformat
import websocket

KERNEL = os.environ.get("RESEARCH_KERNEL_NAME", ".net-csharp")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"timed out waiting for {what}")


class Page:
    """One Chromium tab over the DevTools protocol."""

    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")


def main():
    work = sys.argv[1]
    screenshot = sys.argv[2] if len(sys.argv) > 2 else None
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL, "display_name": ".NET (C#)", "language": "C#"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Browser check"),
        nbformat.v4.new_code_cell("var answer = 6 * 7;\nanswer"),
        nbformat.v4.new_code_cell('Console.WriteLine($"streamed {answer}");'),
        nbformat.v4.new_code_cell('display(HTML("<b id=\\"rich-output\\">rich &amp; bold</b>"));'),
        nbformat.v4.new_code_cell("new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.PrimitiveDataFrameColumn<int>(\"count\", new[] { 11, 12 }))"),
    ]
    nbformat.write(notebook, os.path.join(work, "browser.ipynb"))

    token = secrets.token_hex(16)
    port, debug_port = free_port(), free_port()
    server = subprocess.Popen(
        ["/usr/bin/jupyter-notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}", f"--NotebookApp.token={token}",
         f"--notebook-dir={work}", "--NotebookApp.open_browser=False", "--allow-root"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    profile = tempfile.mkdtemp(prefix="chromium-")
    browser = None
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for("the notebook server", lambda: urllib.request.urlopen(f"{base}/api/status?token={token}").status == 200, 60)
        browser = subprocess.Popen(
            ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--remote-debugging-port={debug_port}", "--window-size=1280,2000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        targets = wait_for("Chromium's DevTools endpoint",
                           lambda: json.load(urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json")), 60)
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Page.navigate", url=f"{base}/notebooks/browser.ipynb?token={token}")
        wait_for("the notebook to connect to the research kernel", lambda: page.eval(
            "window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
            f" && Jupyter.notebook.kernel.name === {json.dumps(KERNEL)} && Jupyter.notebook.kernel.info_reply"
            " && Jupyter.notebook.kernel.info_reply.implementation === 'research'"), 120)

        # Cell > Run All, as a researcher clicks it.
        page.eval("document.querySelector('#run_all_cells > a').click(); true")
        wait_for("every cell to run", lambda: page.eval(
            "Array.from(document.querySelectorAll('.code_cell .input_prompt')).every(p => /\\[\\d+\\]/.test(p.textContent))"
            " && !document.querySelector('#kernel_indicator_icon').classList.contains('kernel_busy_icon')"), 180)
        time.sleep(0.5)
        outputs = page.eval("Array.from(document.querySelectorAll('.code_cell')).map(c => c.querySelector('.output_subarea') ? c.querySelector('.output_subarea').innerText : '')")
        prompts = page.eval("Array.from(document.querySelectorAll('.code_cell .input_prompt')).map(p => p.textContent.replace(/\\s/g, ''))")
        rich = page.eval("(document.querySelector('#rich-output') || {}).textContent || null")
        table = page.eval("(document.querySelector('.code_cell:nth-of-type(5) table, .output_html table') || {}).innerText || null")
        errors = page.eval("document.querySelectorAll('.output_error').length")
        if screenshot:
            data = page.call("Page.captureScreenshot", format="png")["data"]
            with open(screenshot, "wb") as f:
                f.write(base64.b64decode(data))

        problems = []
        if prompts != ["In[1]:", "In[2]:", "In[3]:", "In[4]:"]:
            problems.append(f"prompts {prompts}")
        if not outputs or outputs[0].strip() != "42":
            problems.append(f"first cell shows {outputs[:1]}")
        if len(outputs) < 2 or outputs[1].strip() != "streamed 42":
            problems.append(f"second cell shows {outputs[1:2]}")
        if rich != "rich & bold":
            problems.append(f"rich output {rich!r}")
        if not table or "count" not in table or "11" not in table:
            problems.append(f"DataFrame table {table!r}")
        if errors:
            problems.append(f"{errors} error output(s)")
        if problems:
            print("the page showed:", json.dumps({"prompts": prompts, "outputs": outputs}), file=sys.stderr)
            print("problems: " + "; ".join(problems), file=sys.stderr)
            return 1
        # File > Save, so the caller can run the notebook the front end wrote with `research run`.
        page.eval("Jupyter.notebook.save_notebook(); true")
        path = os.path.join(work, "browser.ipynb")
        wait_for("the notebook to be saved", lambda: nbformat.read(path, 4).cells[1].outputs, 60)
        print("OK: ran all cells in the browser", prompts)
        return 0
    finally:
        if browser:
            browser.kill()
            browser.wait()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
