using System.Globalization;

namespace Research.Pipeline.Running;

/// <summary>The <c>research run</c> command line of a job: paths relative to the output directory, the cell timeout, the parameters.</summary>
public static class RunArguments
{
    /// <summary>The arguments after the verb.</summary>
    public static IReadOnlyList<string> For(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = request.Job;
        var arguments = new List<string>
        {
            job.Notebook, "-o", job.ExecutedNotebook, "--html", job.Html, "--cwd", request.OutputDirectory,
            "--timeout", request.CellTimeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        };
        if (request.AllowExternalResources)
        {
            arguments.Add("--allow-external-resources");
        }

        foreach (var parameter in job.Parameters)
        {
            arguments.Add("-p");
            arguments.Add($"{parameter.Name}={parameter.Value}");
        }

        return arguments;
    }
}
