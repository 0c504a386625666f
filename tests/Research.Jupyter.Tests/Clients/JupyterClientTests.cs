using Research.Jupyter.Tests.Support;

namespace Research.Jupyter.Tests.Clients;

/// <summary>
/// The kernel driven by Debian's Jupyter clients, as front ends drive it: <c>jupyter_kernel_test</c>'s conformance
/// suite, then <c>jupyter_client</c> scripts (Fixtures/kernel_client.py) for execution, interrupts, the kernel's life
/// cycle and hostile clients. Each Python test class is one test here, so a failure names the area.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class JupyterClientTests
{
    private readonly InstalledKernel _kernel;

    public JupyterClientTests(InstalledKernel kernel) => _kernel = kernel;

    [Fact]
    public void Jupyter_kernel_test_conformance_suite_passes() => Passes("kernel_conformance.py");

    [Fact]
    public void Execution_streams_displays_errors_input_and_editor_requests_behave_as_a_front_end_expects() =>
        Passes("kernel_client.py", "ExecutionTests");

    [Fact]
    public void Interrupt_by_message_and_by_sigint_stops_a_cpu_loop_within_two_seconds() =>
        Passes("kernel_client.py", "InterruptTests");

    [Fact]
    public void Notebooks_written_for_dotnet_interactive_get_its_api_and_fsharp_cells() =>
        Passes("kernel_client.py", "CompatibilityTests");

    [Fact]
    public void Restart_and_shutdown_behave_as_requested() => Passes("kernel_client.py", "LifecycleTests");

    [Fact]
    public void The_kernel_runs_in_the_folder_of_the_notebook_the_front_end_names() =>
        Passes("kernel_client.py", "WorkingDirectoryTests");

    [Fact]
    public void Forged_malformed_huge_and_vanishing_clients_neither_crash_the_kernel_nor_lose_state() =>
        Passes("kernel_client.py", "HostileClientTests");

    private void Passes(string script, params string[] args)
    {
        var run = _kernel.PythonScript(script, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        // unittest prints "OK" (or "OK (skipped=N)") last when every test passed; a run with no tests is not a pass.
        Assert.Contains("\nOK", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Ran 0 tests", run.Error, StringComparison.Ordinal);
    }
}
