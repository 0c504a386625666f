"""jupyter_kernel_test's protocol conformance suite against the research kernel.

Run by Research.Jupyter.Tests with Debian's /usr/bin/python3 (python3-jupyter-kernel-test); the kernelspec named by
RESEARCH_KERNEL_NAME must be on JUPYTER_PATH. Every message is validated against the 5.x message specification.
"""
import os
import unittest

import jupyter_kernel_test


class ResearchKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("RESEARCH_KERNEL_NAME", ".net-csharp")
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'

    completion_samples = [
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
        {"text": "var someLongName = 1;\nsomeLongN", "matches": {"someLongName"}},
    ]

    complete_code_samples = ["1 + 1", "var x = 2;", "if (true) { x = 3; }", "Console.WriteLine(1);"]
    incomplete_code_samples = ["if (true) {", "var s = new[] {", "Console.WriteLine(", "\"abc"]
    invalid_code_samples = ["var = ;", "1 + ;", "}"]

    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "new[] { 1, 2, 3 }.Sum()", "result": "6"},
    ]

    code_display_data = [
        {"code": 'display(HTML("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(Markdown("*em*"));', "mime": "text/markdown"},
    ]

    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.Sqrt"

    code_clear_output = "ClearOutput();"


if __name__ == "__main__":
    unittest.main(verbosity=2)
