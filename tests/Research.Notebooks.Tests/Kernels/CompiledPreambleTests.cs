using Microsoft.CodeAnalysis.CSharp.Scripting;
using Research.Notebooks.Kernels;
using Research.Notebooks.Sessions;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Kernels;

/// <summary>
/// Kernels created one after another with the same settings (a run-all worker's notebooks) share the compiled
/// preamble, and nothing else: variables, displays and cancellation stay with their own session.
/// </summary>
public sealed class CompiledPreambleTests
{
    [Fact]
    public void The_same_settings_give_the_same_compiled_preamble_and_other_settings_another()
    {
        var created = 0;
        Microsoft.CodeAnalysis.Scripting.Script<object> Create()
        {
            created++;
            return CSharpScript.Create(string.Empty);
        }

        var key = "preamble-test-" + Guid.NewGuid().ToString("N");
        var first = CompiledPreamble.For(key, Create);
        var again = CompiledPreamble.For(key, Create);
        var other = CompiledPreamble.For(key + "-other", Create);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, created);
    }

    [Fact]
    public async Task A_later_session_sees_none_of_an_earlier_sessions_variables_and_shows_its_own_outputs()
    {
        using (var earlier = TestSessions.Create())
        {
            var (defined, _) = await earlier.RunAsync("var secret = 42; display(secret);");
            Assert.True(defined.Succeeded);
        }

        using var later = TestSessions.Create();
        var (unknown, _) = await later.RunAsync("secret");
        var (own, observer) = await later.RunAsync("var secret = 7; display(secret); secret + 1");

        Assert.Contains("CS0103", unknown.Failure?.Message, StringComparison.Ordinal);
        Assert.True(own.Succeeded);
        Assert.Equal(["7", "8"], observer.Events.Select(e => e switch
        {
            DisplayDataEvent d => d.Data.GetText(MimeBundle.PlainText),
            ExecuteResultEvent r => r.Data.GetText(MimeBundle.PlainText),
            _ => null,
        }).OfType<string>());
    }
}
