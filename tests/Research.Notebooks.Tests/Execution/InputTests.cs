using Research.Notebooks.Sessions;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class InputTests
{
    [Theory]
    [InlineData("var name = Console.ReadLine();", "a line of input (Console.ReadLine)", "pass it as a parameter")]
    [InlineData("var c = Console.In.Read();", "a line of input (Console.ReadLine)", "pass it as a parameter")]
    [InlineData("var name = await GetInputAsync(\"Your name\");", "input \"Your name\"", "pass it as a parameter: -p \"Your name=VALUE\"")]
    public async Task A_headless_run_fails_the_cell_naming_what_was_asked(string cell, string asked, string advice)
    {
        var (notebook, result) = await Runs.RunCSharpAsync("var a = 1;", cell);

        var error = Assert.IsType<ErrorOutput>(notebook.Cells[1].Outputs.Single());
        Assert.Equal(typeof(InputNotAvailableException).FullName, error.Name);
        Assert.Equal($"the cell asked for {asked}, but there is no input in a headless run: {advice}.", error.Value);
        Assert.Equal((2, 1), (result.Failures.Single().CellNumber, result.Failures.Single().Line));
    }

    [Fact]
    public async Task Console_input_and_GetInputAsync_go_to_the_hosts_provider()
    {
        var observer = new RecordingObserver();
        var provider = new ScriptedInput(() => observer.Stdout, "Ans", "s3cret", "xy");
        using var session = TestSessions.Create(o => o.Input = provider);

        var result = await session.ExecuteAsync(
            "Console.Write(\"Name: \");\nvar name = Console.ReadLine();\nvar pw = await GetInputAsync(\"Password\", isPassword: true);\nvar c = (char)Console.Read();\nvar rest = Console.ReadLine();\n$\"{name} {pw.Length} {c} {rest}\"",
            null,
            observer);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("Ans 6 x y", Assert.IsType<ExecuteResultEvent>(observer.Events[^1]).Data.GetText(MimeBundle.PlainText));
        Assert.Equal(new[] { new InputRequest("", false), new InputRequest("Password", true), new InputRequest("", false) }, provider.Requests);

        // The prompt the cell wrote before ReadLine had been delivered when the question was asked.
        Assert.Equal("Name: ", provider.OutputAtFirstRequest);
    }

    [Fact]
    public async Task A_request_can_bring_its_own_provider()
    {
        using var session = TestSessions.Create();
        var observer = new RecordingObserver();

        var result = await session.ExecuteAsync(new CellRequest("Console.ReadLine()") { Input = new ScriptedInput(() => string.Empty, "from the request") }, observer);

        Assert.True(result.Succeeded);
        Assert.Equal("from the request", Assert.IsType<ExecuteResultEvent>(observer.Events.Single()).Data.GetText(MimeBundle.PlainText));
    }

    private sealed class ScriptedInput(Func<string> output, params string[] answers) : IInputProvider
    {
        private readonly Queue<string> _answers = new(answers);

        public List<InputRequest> Requests { get; } = new();

        public string? OutputAtFirstRequest { get; private set; }

        public Task<string> GetInputAsync(InputRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            OutputAtFirstRequest ??= output();
            return Task.FromResult(_answers.Dequeue());
        }
    }
}
