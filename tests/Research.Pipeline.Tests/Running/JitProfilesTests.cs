using Research.Pipeline.Jobs;
using Research.Pipeline.Running;
using Research.Pipeline.Running.Workers;
using Research.Pipeline.Tests.Support;

namespace Research.Pipeline.Tests.Running;

/// <summary>
/// The workers' JIT profiles, with /bin/sh standing in for <c>research worker</c> and for the runtime: the stand-in
/// reports the profile it was given, and on leaving writes into it what the runtime would (here: its process id).
/// </summary>
public sealed class JitProfilesTests
{
    // $1 is "worker"; the profile follows --jit-profile. A job for Tilburg ends the worker with exit 7 after it wrote part of its profile.
    private const string Worker = """
        profile=none
        while [ $# -gt 0 ]; do [ "$1" = --jit-profile ] && profile=$2; shift; done
        had=$(cat "$profile" 2>/dev/null || echo nothing)
        while read -r line; do
          id=$(printf '%s' "$line" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
          echo "pid=$$ profile=$profile had=[$had]" >&2
          case "$line" in *municipality=tilburg*) printf 'torn' > "$profile"; exit 7 ;; esac
          printf '\036research-worker-end %s 0\n' "$id" >&2
        done
        [ "$profile" != none ] && printf 'profile of %s' "$$" > "$profile"
        exit 0
        """;

    [Fact]
    public async Task A_worker_that_ends_cleanly_leaves_its_profile_to_the_next_worker_of_its_kind_which_plays_a_copy()
    {
        var directory = Scratch.Directory();
        var profiles = new JitProfiles(Path.Combine(directory, "jit"), "build");

        string first;
        using (var pool = Pool(profiles))
        {
            first = await RunAsync(pool, Request(directory, "utrecht"));
        }

        string second;
        using (var pool = Pool(profiles))
        {
            second = await RunAsync(pool, Request(directory, "deventer"));
        }

        Assert.Contains("had=[nothing]", first);
        Assert.Contains($"had=[profile of {Pid(first)}]", second);
        Assert.NotEqual(Profile(first), Profile(second));
        Assert.Equal($"profile of {Pid(second)}", File.ReadAllText(Path.Combine(profiles.Directory, "precompiled-2.jitprofile")));
        Assert.Single(Directory.GetFiles(profiles.Directory));
    }

    [Fact]
    public async Task A_worker_that_dies_leaves_the_kept_profile_as_it_was_and_no_copy_behind()
    {
        var directory = Scratch.Directory();
        var profiles = new JitProfiles(Path.Combine(directory, "jit"), "build");
        Directory.CreateDirectory(profiles.Directory);
        var kept = Path.Combine(profiles.Directory, "precompiled-2.jitprofile");
        await File.WriteAllTextAsync(kept, "kept");

        string log;
        using (var pool = Pool(profiles))
        {
            log = await RunAsync(pool, Request(directory, "tilburg"));
        }

        Assert.Contains("had=[kept]", log);
        Assert.Equal("kept", await File.ReadAllTextAsync(kept));
        Assert.Equal([kept], Directory.GetFiles(profiles.Directory));
    }

    [Fact]
    public async Task Workers_of_another_kind_keep_another_profile()
    {
        var directory = Scratch.Directory();
        var profiles = new JitProfiles(Path.Combine(directory, "jit"), "build");

        using (var pool = Pool(profiles))
        {
            await RunAsync(pool, Request(directory, "utrecht"));
            await RunAsync(pool, Request(directory, "synthesis") with { Processors = null, Compilation = CodeCompilation.Tiered });
        }

        Assert.Equal(["precompiled-2.jitprofile", "tiered-all.jitprofile"], Directory.GetFiles(profiles.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_worker_counting_one_processor_runs_without_a_profile()
    {
        var directory = Scratch.Directory();
        var profiles = new JitProfiles(Path.Combine(directory, "jit"), "build");

        using var pool = Pool(profiles);

        var log = await RunAsync(pool, Request(directory, "utrecht") with { Processors = 1 });

        Assert.Contains("profile=none", log);
        Assert.False(Directory.Exists(profiles.Directory));
    }

    [Fact]
    public async Task Without_a_writable_directory_the_worker_runs_without_a_profile()
    {
        var directory = Scratch.Directory();
        var file = Path.Combine(directory, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        using var pool = Pool(new JitProfiles(Path.Combine(file, "jit"), "build"));

        var log = await RunAsync(pool, Request(directory, "utrecht"));

        Assert.Contains("profile=none had=[nothing]", log);
    }

    [Theory]
    [InlineData("../run")]
    [InlineData("run/x")]
    [InlineData("")]
    public void A_kind_is_a_plain_name_never_a_path(string kind)
    {
        var profiles = new JitProfiles(Path.Combine(Scratch.Directory(), "jit"), "build");

        Assert.Throws<ArgumentException>(() => profiles.Begin(kind));
    }

    [Fact]
    public void Only_the_most_recently_used_builds_keep_their_profiles_and_files_beside_them_stay()
    {
        var root = Path.Combine(Scratch.Directory(), "jit");
        for (var age = 1; age <= 5; age++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, $"old{age}"));
            File.WriteAllText(Path.Combine(folder.FullName, "run.jitprofile"), "profile");
            Directory.SetLastWriteTimeUtc(folder.FullName, DateTime.UtcNow.AddDays(-age));
        }

        File.WriteAllText(Path.Combine(root, "note.txt"), "not a build");

        var recording = new JitProfiles(root, "build").Begin("run");

        Assert.NotNull(recording);
        Assert.Equal(["build", "old1", "old2", "old3"], Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(root, "note.txt")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void A_build_is_a_plain_name_never_a_path(string build) =>
        Assert.Throws<ArgumentException>(() => new JitProfiles(Scratch.Directory(), build));

    private static WorkerPoolJobRunner Pool(JitProfiles profiles) =>
        new(new ChildCommand("/bin/sh", ["-c", Worker, "sh"]), jitProfiles: profiles);

    private static async Task<string> RunAsync(WorkerPoolJobRunner pool, JobRequest request)
    {
        await pool.RunAsync(request, CancellationToken.None);
        return await File.ReadAllTextAsync(request.Resolve(request.Job.Log));
    }

    private static string Pid(string log) => log[(log.IndexOf("pid=", StringComparison.Ordinal) + 4)..].Split(' ')[0];

    private static string Profile(string log) => log[(log.IndexOf("profile=", StringComparison.Ordinal) + 8)..].Split(' ')[0];

    private static JobRequest Request(string directory, string municipality) => new(
        new NotebookJob(municipality, "/nb/municipal-report.ipynb", [new JobParameter("municipality", municipality)], []),
        directory, TimeSpan.FromSeconds(30), null, AllowExternalResources: false)
    {
        Processors = 2,
    };
}
