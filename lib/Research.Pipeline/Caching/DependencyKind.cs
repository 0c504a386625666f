namespace Research.Pipeline.Caching;

/// <summary>What a job's result depends on; each kind is a named reason to re-run it, as in R's <c>targets</c>.</summary>
public enum DependencyKind
{
    /// <summary>The notebook file's bytes.</summary>
    Notebook,

    /// <summary>A parameter value (path parameters are left out, so moving the output directory keeps the cache).</summary>
    Parameter,

    /// <summary>An input of the extract directory (a data-package resource, a descriptor, the planted effects).</summary>
    Input,

    /// <summary>The build of the tool's libraries (every Research assembly).</summary>
    ToolBuild,

    /// <summary>The NuGet package versions the tool was built with.</summary>
    Packages,

    /// <summary>A municipal result file the synthesis pools.</summary>
    Result,
}
