namespace Research.Pipeline.Tests.Running;

/// <summary>Notebooks run side by side split the processors between them, and each gets at least one.</summary>
public sealed class ProcessorShareTests
{
    [Fact]
    public void One_notebook_at_a_time_gets_every_processor()
    {
        Assert.Equal(Environment.ProcessorCount, new PipelineSettings { OutputDirectory = "out", NotebookDirectory = "nb", Parallelism = 1 }.ProcessorsPerJob);
    }

    [Fact]
    public void Notebooks_side_by_side_share_the_processors_and_never_get_none()
    {
        var cores = Environment.ProcessorCount;

        Assert.Equal(Math.Max(1, cores / 2), new PipelineSettings { OutputDirectory = "out", NotebookDirectory = "nb", Parallelism = 2 }.ProcessorsPerJob);
        Assert.Equal(1, new PipelineSettings { OutputDirectory = "out", NotebookDirectory = "nb", Parallelism = cores * 4 }.ProcessorsPerJob);
    }
}
