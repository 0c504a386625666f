"""jupyter_client integration tests of the research kernel, as a front end drives it.

Run by Research.Jupyter.Tests with Debian's /usr/bin/python3 (python3-jupyter-client); the kernelspec named by
RESEARCH_KERNEL_NAME must be on JUPYTER_PATH. Each test class starts its own kernel; the kernel's standard error (its
log) is kept in a file so tests can check what it logged.
"""
import os
import shutil
import signal
import sys
import tempfile
import time
import unittest
import uuid
from queue import Empty

import zmq
from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_client.session import Session

KERNEL = os.environ.get("RESEARCH_KERNEL_NAME", ".net-csharp")
TIMEOUT = 60


class KernelTestCase(unittest.TestCase):
    """One kernel for the class; helpers to run a cell and collect its IOPub messages."""

    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
        cls.km = KernelManager(kernel_name=KERNEL)
        cls.km.start_kernel(stderr=cls.log)
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        if cls.km.is_alive():
            cls.km.shutdown_kernel(now=False)
        cls.log.close()
        # The kernel's log, for whoever reads a failure.
        with open(cls.log.name, encoding="utf-8") as f:
            print(f"--- kernel log of {cls.__name__} ---\n{f.read()}", file=sys.stderr)
        os.unlink(cls.log.name)

    def kernel_log(self):
        with open(self.log.name, encoding="utf-8") as f:
            return f.read()

    def run_cell(self, code, client=None, timeout=TIMEOUT, **kwargs):
        """Executes code; returns (reply, [(msg_type, content, arrival time)]) of the outputs it caused."""
        client = client or self.kc
        outputs = []
        reply = client.execute_interactive(
            code,
            output_hook=lambda m: outputs.append((m["msg_type"], m["content"], time.monotonic())),
            timeout=timeout,
            **kwargs,
        )
        return reply, [o for o in outputs if o[0] not in ("status", "execute_input")]

    def independent_client(self):
        """Another front end on the same kernel (as `jupyter console --existing`): its own session and sockets."""
        client = BlockingKernelClient(connection_file=self.km.connection_file)
        client.load_connection_file()
        client.start_channels()
        self.addCleanup(client.stop_channels)
        client.wait_for_ready(timeout=TIMEOUT)
        return client

    def result_text(self, code):
        reply, outputs = self.run_cell(code)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [c for t, c, _ in outputs if t == "execute_result"]
        self.assertEqual(len(results), 1, outputs)
        return results[0]["data"]["text/plain"]


class ExecutionTests(KernelTestCase):
    def test_kernel_info_names_the_implementation_and_language(self):
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertEqual(reply["implementation"], "research")
        self.assertEqual(reply["protocol_version"], "5.3")
        info = reply["language_info"]
        self.assertEqual(
            {k: info[k] for k in ("name", "mimetype", "file_extension", "pygments_lexer", "codemirror_mode")},
            {"name": "C#", "mimetype": "text/x-csharp", "file_extension": ".cs", "pygments_lexer": "csharp", "codemirror_mode": "text/x-csharp"},
        )
        self.assertTrue(info["version"])
        self.assertTrue(reply["banner"])
        self.assertTrue(reply["help_links"])

    def test_state_is_kept_across_cells(self):
        self.run_cell("var answer = 40;")
        self.run_cell("answer += 2;")
        self.assertEqual(self.result_text("answer"), "42")

    def test_execute_result_carries_the_execution_count(self):
        reply, outputs = self.run_cell("3 * 3")
        result = [c for t, c, _ in outputs if t == "execute_result"][0]
        self.assertEqual(result["execution_count"], reply["content"]["execution_count"])
        reply2, _ = self.run_cell("1")
        self.assertEqual(reply2["content"]["execution_count"], reply["content"]["execution_count"] + 1)

    def test_stream_arrives_while_the_cell_runs_and_in_order(self):
        code = 'for (var i = 0; i < 4; i++) { Console.WriteLine($"tick {i}"); System.Threading.Thread.Sleep(600); }'
        reply, outputs = self.run_cell(code)
        finished = time.monotonic()
        streams = [(c["text"], at) for t, c, at in outputs if t == "stream" and c["name"] == "stdout"]
        self.assertEqual("".join(text for text, _ in streams), "".join(f"tick {i}\n" for i in range(4)))
        # The first tick left 1.8 s before the cell ended: it must not have waited for the end.
        self.assertLess(streams[0][1], finished - 1.2, "stdout was not streamed while the cell ran")
        self.assertGreaterEqual(len(streams), 3, "stdout came in one piece at the end")

    def test_stdout_and_stderr_keep_their_order(self):
        code = 'Console.WriteLine("one"); Console.Out.Flush(); System.Threading.Thread.Sleep(300); Console.Error.WriteLine("two"); Console.Error.Flush(); System.Threading.Thread.Sleep(300); Console.WriteLine("three");'
        _, outputs = self.run_cell(code)
        self.assertEqual([(c["name"], c["text"]) for t, c, _ in outputs if t == "stream"],
                         [("stdout", "one\n"), ("stderr", "two\n"), ("stdout", "three\n")])

    def test_silent_execution_broadcasts_nothing_and_is_not_counted(self):
        before, _ = self.run_cell("1")
        reply, outputs = self.run_cell('Console.WriteLine("hidden"); 5', silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(outputs, [])
        after, _ = self.run_cell("2")
        self.assertEqual(after["content"]["execution_count"], before["content"]["execution_count"] + 1)

    def test_store_history_false_is_not_counted_or_recorded(self):
        before, _ = self.run_cell("1")
        self.run_cell("var notRecorded = 7;", store_history=False)
        after, _ = self.run_cell("2")
        self.assertEqual(after["content"]["execution_count"], before["content"]["execution_count"] + 1)
        self.kc.history(hist_access_type="tail", n=50, raw=True, output=False)
        history = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
        self.assertNotIn("var notRecorded = 7;", [h[2] for h in history])

    def test_user_expressions_are_evaluated_after_the_cell(self):
        reply, _ = self.run_cell("var ux = 6;", user_expressions={"square": "ux * ux", "broken": "undefinedName"})
        expressions = reply["content"]["user_expressions"]
        self.assertEqual(expressions["square"], {"status": "ok", "data": {"text/plain": "36"}, "metadata": {}})
        self.assertEqual(expressions["broken"]["status"], "error")
        self.assertIn("undefinedName", expressions["broken"]["evalue"])

    def test_html_dataframe_and_plotly_display_as_rich_output(self):
        _, html = self.run_cell('display(HTML("<p>hi</p>"));')
        self.assertEqual([c["data"]["text/html"] for t, c, _ in html if t == "display_data"], ["<p>hi</p>"])
        frame = self.run_cell(
            'var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.PrimitiveDataFrameColumn<int>("count", new[] { 11, 12 }));\nframe'
        )[1]
        data = [c["data"] for t, c, _ in frame if t == "execute_result"][0]
        self.assertIn("<table", data["text/html"])
        self.assertIn("count", data["text/html"])
        chart = self.run_cell(
            'var trace = new Plotly.NET.Trace2D("scatter");\ntrace.SetProperty("x", new[] { 1, 2 });\ntrace.SetProperty("y", new[] { 3, 4 });\nPlotly.NET.GenericChart.ofTraceObject(true, trace)'
        )[1]
        data = [c["data"] for t, c, _ in chart if t == "execute_result"][0]
        self.assertIn("text/html", data)
        self.assertIn("scatter", data["text/html"])

    def test_a_display_handle_is_updated_in_place(self):
        _, outputs = self.run_cell('var handle = display("first");\nhandle.Update("second");')
        shown = [c for t, c, _ in outputs if t == "display_data"]
        updated = [c for t, c, _ in outputs if t == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updated), 1)
        display_id = shown[0]["transient"]["display_id"]
        self.assertTrue(display_id)
        self.assertEqual(updated[0]["transient"]["display_id"], display_id)
        self.assertEqual(updated[0]["data"]["text/plain"], "second")
        # From a later cell too.
        _, later = self.run_cell('handle.Update("third");')
        self.assertEqual([(t, c["transient"]["display_id"], c["data"]["text/plain"]) for t, c, _ in later],
                         [("update_display_data", display_id, "third")])

    def test_a_compile_error_names_its_line(self):
        reply, outputs = self.run_cell('int a = 1;\nint b = 2;\nint c = "text";')
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "CompilationError")
        self.assertIn("line 3", content["evalue"])
        self.assertIn("CS0029", content["evalue"])
        errors = [c for t, c, _ in outputs if t == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["ename"], "CompilationError")

    def test_a_runtime_error_names_its_type_message_and_line(self):
        reply, outputs = self.run_cell('var x = 1;\nthrow new InvalidOperationException("went wrong");')
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "System.InvalidOperationException")
        self.assertEqual(content["evalue"], "went wrong")
        self.assertTrue(any("line 2" in line for line in content["traceback"]), content["traceback"])
        self.assertEqual([t for t, _, _ in outputs], ["error"])
        # The kernel goes on.
        self.assertEqual(self.result_text("x + 1"), "2")

    def test_input_request_is_answered_by_the_front_end(self):
        prompts = []

        def answer(message):
            prompts.append(message["content"])
            self.kc.input("typed by the user")

        reply, outputs = self.run_cell(
            'Console.Write("name? "); var line = Console.ReadLine();\nline.ToUpperInvariant()',
            allow_stdin=True, stdin_hook=answer,
        )
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(len(prompts), 1)
        self.assertFalse(prompts[0]["password"])
        self.assertEqual([c["data"]["text/plain"] for t, c, _ in outputs if t == "execute_result"], ["TYPED BY THE USER"])

    def test_input_without_stdin_fails_the_cell_clearly(self):
        reply, _ = self.run_cell("Console.ReadLine()", allow_stdin=False)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("input", reply["content"]["evalue"].lower())

    def test_completion_is_over_the_live_state(self):
        self.run_cell("var municipalityName = \"utrecht\";")
        code = "municipalityName.ToUpp"
        self.kc.complete(code, len(code))
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertEqual(reply["status"], "ok")
        self.assertIn("ToUpper", reply["matches"])
        self.assertIn("ToUpperInvariant", reply["matches"])
        self.assertEqual((reply["cursor_start"], reply["cursor_end"]), (len("municipalityName."), len(code)))
        types = {item["text"]: item["type"] for item in reply["metadata"]["_jupyter_types_experimental"]}
        self.assertEqual(types["ToUpper"], "method")

    def test_inspect_shows_signature_and_summary(self):
        code = "Math.Sqrt(2)"
        self.kc.inspect(code, len("Math.Sq"))
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertTrue(reply["found"])
        self.assertIn("Sqrt(double", reply["data"]["text/plain"])
        self.assertIn("text/markdown", reply["data"])

    def test_is_complete_reports_indent_for_open_blocks(self):
        self.kc.is_complete("if (true)\n{")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertEqual(reply["status"], "incomplete")
        self.assertEqual(reply["indent"], "    ")

    def test_history_tail_returns_the_last_cells(self):
        self.run_cell("var h1 = 1;")
        self.run_cell("var h2 = 2;")
        self.kc.history(hist_access_type="tail", n=2, raw=True, output=False)
        history = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
        self.assertEqual([h[2] for h in history], ["var h1 = 1;", "var h2 = 2;"])

    def test_comm_info_is_empty_and_an_unknown_comm_is_closed(self):
        self.kc.comm_info()
        self.assertEqual(self.kc.get_shell_msg(timeout=TIMEOUT)["content"]["comms"], {})
        comm_id = uuid.uuid4().hex
        self.kc.shell_channel.send(self.kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}}))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            message = self.kc.get_iopub_msg(timeout=10)
            if message["msg_type"] == "comm_close":
                self.assertEqual(message["content"]["comm_id"], comm_id)
                return
        self.fail("no comm_close for an unknown comm target")

    def test_heartbeat_echoes(self):
        # jupyter_client's heartbeat thread reports beating only after its first echo, which on a loaded machine can
        # come after the channel starts; a front end waits for it the same way.
        deadline = time.monotonic() + 10
        while not self.kc.hb_channel.is_beating() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertTrue(self.kc.hb_channel.is_beating())


class InterruptTests(KernelTestCase):
    def interrupt_loop(self, interrupt):
        """Starts a CPU loop, interrupts it after 1 s; returns the seconds from interrupt to reply."""
        self.run_cell("long spins = 0;")
        msg_id = self.kc.execute("while (true) { spins++; }")
        time.sleep(1.5)
        started = time.monotonic()
        interrupt()
        while True:
            reply = self.kc.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        elapsed = time.monotonic() - started
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("interrupt", (reply["content"]["ename"] + reply["content"]["evalue"]).lower())
        # The kernel is usable and kept its state.
        self.assertEqual(self.result_text("spins >= 0"), "true")
        return elapsed

    def test_interrupt_request_stops_a_cpu_loop_within_two_seconds(self):
        # The kernelspec says interrupt_mode message: the manager sends interrupt_request on control.
        self.assertEqual(self.km.kernel_spec.interrupt_mode, "message")
        self.assertLess(self.interrupt_loop(self.km.interrupt_kernel), 2.0)

    def test_sigint_stops_a_cpu_loop_too(self):
        self.assertLess(self.interrupt_loop(lambda: os.kill(self.km.provisioner.process.pid, signal.SIGINT)), 2.0)

    def test_interrupt_when_idle_is_harmless(self):
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request", {}))
        self.assertEqual(self.kc.get_control_msg(timeout=TIMEOUT)["content"]["status"], "ok")
        self.assertEqual(self.result_text("1 + 1"), "2")


class CompatibilityTests(KernelTestCase):
    """Notebooks written for .NET Interactive run in the kernel as under `research run`: its API and F# cells."""

    def test_dotnet_interactive_formatting_api_is_available(self):
        reply, outputs = self.run_cell(
            'record Arm(string Name);\n'
            'Formatter.Register<Arm>((a, w) => w.Write($"<b>{a.Name}</b>"), "text/html");\n'
            'new Arm("ontheffing").Display();')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        shown = [c["data"] for t, c, _ in outputs if t == "display_data"]
        self.assertEqual(len(shown), 1, outputs)
        self.assertEqual(shown[0]["text/html"], "<b>ontheffing</b>")

    def test_fsharp_cells_share_values_with_csharp(self):
        self.run_cell("var participants = 120;")
        reply, outputs = self.run_cell("#!fsharp\n#!share --from csharp participants\nparticipants / 4", timeout=300)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [c["data"]["text/plain"] for t, c, _ in outputs if t == "execute_result"]
        self.assertEqual(results, ["30"])


class LifecycleTests(KernelTestCase):
    def test_restart_gives_a_fresh_session(self):
        self.run_cell("var beforeRestart = 1;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        reply, _ = self.run_cell("beforeRestart")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(self.result_text("2 + 2"), "4")
        self.assertEqual(reply["content"]["execution_count"], 1)

    def test_shutdown_ends_the_process_cleanly(self):
        km = KernelManager(kernel_name=KERNEL)
        km.start_kernel(stderr=self.log)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=TIMEOUT)
        kc.shutdown(restart=False)
        reply = kc.get_control_msg(timeout=TIMEOUT)
        self.assertEqual(reply["msg_type"], "shutdown_reply")
        self.assertEqual(reply["content"], {"status": "ok", "restart": False})
        process = km.provisioner.process
        process.wait(timeout=15)
        self.assertEqual(process.returncode, 0)
        kc.stop_channels()
        km.cleanup_resources()


class WorkingDirectoryTests(unittest.TestCase):
    """The kernel runs in the notebook's folder when the front end names the notebook, as `research run` does."""

    def start(self, env):
        km = KernelManager(kernel_name=KERNEL)
        km.start_kernel(cwd=tempfile.gettempdir(), env={**os.environ, **env})
        self.addCleanup(km.shutdown_kernel, now=True)
        kc = km.client()
        kc.start_channels()
        self.addCleanup(kc.stop_channels)
        kc.wait_for_ready(timeout=TIMEOUT)
        return kc

    def notebook(self):
        folder = os.path.realpath(tempfile.mkdtemp(prefix="notebook-folder-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        path = os.path.join(folder, "analysis.ipynb")
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
        return folder, path

    def cwd(self, kc, metadata=None):
        message = kc.session.msg("execute_request", {"code": "System.IO.Directory.GetCurrentDirectory()", "silent": False,
                                                     "store_history": True, "user_expressions": {}, "allow_stdin": False},
                                 metadata=metadata or {})
        kc.shell_channel.send(message)
        while True:
            reply = kc.get_iopub_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == message["header"]["msg_id"] and reply["msg_type"] == "execute_result":
                return reply["content"]["data"]["text/plain"]

    def test_jupyter_server_session_name_sets_the_notebook_folder(self):
        folder, path = self.notebook()
        kc = self.start({"JPY_SESSION_NAME": path})
        self.assertEqual(self.cwd(kc), folder)

    def test_vs_code_cell_metadata_moves_a_fresh_kernel_to_the_notebook_folder(self):
        folder, path = self.notebook()
        kc = self.start({})
        self.assertEqual(self.cwd(kc, {"cellId": f"vscode-notebook-cell:{path}#W0sZmlsZQ%3D%3D"}), folder)


class HostileClientTests(KernelTestCase):
    def raw_socket(self, kind, port):
        socket = zmq.Context.instance().socket(kind)
        socket.linger = 0
        socket.connect(f"tcp://{self.km.ip}:{port}")
        self.addCleanup(socket.close)
        return socket

    def assert_no_reply(self, socket, seconds=2.0):
        self.assertEqual(socket.poll(int(seconds * 1000)), 0, "the kernel answered a message it should have refused")

    def test_a_message_with_a_bad_or_missing_signature_is_refused(self):
        self.run_cell("var secret = 1;")
        shell = self.raw_socket(zmq.DEALER, self.km.shell_port)
        forger = Session(key=b"not-the-key", username="forger")
        forger.send(shell, forger.msg("execute_request", {"code": "secret = 666;", "silent": False}))
        self.assert_no_reply(shell)
        unsigned = Session(key=b"", username="forger")
        unsigned.send(shell, unsigned.msg("execute_request", {"code": "secret = 777;", "silent": False}))
        self.assert_no_reply(shell)
        self.assertEqual(self.result_text("secret"), "1")
        self.assertIn("signature", self.kernel_log())

    def test_invalid_json_and_unknown_types_get_error_replies(self):
        shell = self.raw_socket(zmq.DEALER, self.km.shell_port)
        session = self.kc.session
        header = session.msg_header("execute_request")
        frames = [session.pack(header), b"{}", b"{}", b"{not json"]
        shell.send_multipart([b"<IDS|MSG>", session.sign(frames).encode() if isinstance(session.sign(frames), str) else session.sign(frames)] + frames)
        self.assertTrue(shell.poll(10000), "no reply to a message whose content is not JSON")
        _, reply = session.feed_identities(shell.recv_multipart())
        reply = session.deserialize(reply)
        self.assertEqual(reply["msg_type"], "execute_reply")
        self.assertEqual(reply["content"]["status"], "error")
        session.send(shell, session.msg("no_such_request", {}))
        self.assertTrue(shell.poll(10000), "no reply to an unknown message type")
        _, reply = session.feed_identities(shell.recv_multipart())
        reply = session.deserialize(reply)
        self.assertEqual(reply["msg_type"], "no_such_reply")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("no_such_request", self.kernel_log())
        self.assertEqual(self.result_text("40 + 2"), "42")

    def test_a_huge_message_does_not_crash_the_kernel(self):
        self.run_cell("var kept = 5;")
        shell = self.raw_socket(zmq.DEALER, self.km.shell_port)
        session = self.kc.session
        session.send(shell, session.msg("execute_request", {"code": "// " + "x" * (80 * 1024 * 1024), "silent": False}))
        time.sleep(2)
        self.assertTrue(self.km.is_alive())
        self.assertEqual(self.result_text("kept"), "5")

    def test_a_client_that_disappears_mid_cell_leaves_the_kernel_usable(self):
        other = self.independent_client()
        other.execute('System.Threading.Thread.Sleep(1500); var afterGone = 9; Console.WriteLine("done");')
        time.sleep(0.3)
        other.stop_channels()
        time.sleep(2)
        self.assertTrue(self.km.is_alive())
        self.assertEqual(self.result_text("afterGone"), "9")

    def test_two_clients_share_the_kernel(self):
        second = self.independent_client()
        self.run_cell("var shared = 21;")
        reply, outputs = self.run_cell("shared * 2", client=second)
        self.assertEqual([c["data"]["text/plain"] for t, c, _ in outputs if t == "execute_result"], ["42"])
        # The first client sees the second's cell on IOPub, parented to the second's request.
        seen = []
        try:
            while True:
                message = self.kc.get_iopub_msg(timeout=2)
                seen.append((message["msg_type"], message["parent_header"].get("msg_id")))
        except Empty:
            pass
        self.assertIn(("execute_result", reply["parent_header"]["msg_id"]), seen)


if __name__ == "__main__":
    unittest.main(verbosity=2)
