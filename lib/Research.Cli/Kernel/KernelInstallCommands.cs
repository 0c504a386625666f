using System.CommandLine;
using Research.Jupyter.Kernelspec;

namespace Research.Cli.Kernel;

/// <summary><c>research kernel install</c> and <c>research kernel uninstall</c>: the kernelspec Jupyter front ends find the kernel by.</summary>
internal static class KernelInstallCommands
{
    /// <summary>Builds <c>install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--display-name TEXT]</c>.</summary>
    public static Command Install()
    {
        var place = new Placement();
        var displayName = new Option<string>("--display-name") { Description = "The name shown in front ends' kernel pickers.", DefaultValueFactory = _ => ".NET (C#)" };
        var command = new Command("install", "Register the kernel with Jupyter (writes a kernelspec: kernel.json and logos); default: for this user.")
        {
            place.User, place.SysPrefix, place.Prefix, place.Name, displayName,
        };
        place.Validate(command);
        command.SetAction(async (parse, _) =>
        {
            var folder = place.Folder(parse, out var problem);
            if (folder is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"research kernel install: {problem}");
                return ExitCodes.Failure;
            }

            var spec = new KernelSpec(parse.GetValue(place.Name)!, KernelCommandLine.Argv())
            {
                DisplayName = parse.GetValue(displayName)!,
                Environment = KernelCommandLine.Environment(),
            };
            var installed = KernelSpecInstaller.Install(spec, folder);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"installed kernelspec '{spec.Name}' ({spec.DisplayName}) in {installed}");
            await parse.InvocationConfiguration.Output.WriteLineAsync($"it runs: {string.Join(' ', spec.Argv)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Builds <c>uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]</c>.</summary>
    public static Command Uninstall()
    {
        var place = new Placement();
        var command = new Command("uninstall", "Remove the kernelspec (from the given place; by default from every folder Jupyter searches where it is installed).")
        {
            place.User, place.SysPrefix, place.Prefix, place.Name,
        };
        place.Validate(command);
        command.SetAction(async (parse, _) =>
        {
            var name = parse.GetValue(place.Name)!;
            IReadOnlyList<string> folders;
            if (place.IsGiven(parse))
            {
                if (place.Folder(parse, out var problem) is not { } folder)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"research kernel uninstall: {problem}");
                    return ExitCodes.Failure;
                }

                folders = new[] { folder };
            }
            else
            {
                folders = KernelSpecLocation.SearchPath(Environment.GetEnvironmentVariable).ToList();
            }

            var removed = KernelSpecInstaller.Uninstall(name, folders);
            if (removed.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"research kernel uninstall: no kernelspec named '{name}' in {string.Join(", ", folders)}.");
                return ExitCodes.Failure;
            }

            foreach (var folder in removed)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"removed kernelspec '{name}' from {folder}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Where a kernelspec goes: --user (the default), --sys-prefix or --prefix DIR, and its name.
    private sealed class Placement
    {
        public Option<bool> User { get; } = new("--user") { Description = "For this user (the default)." };

        public Option<bool> SysPrefix { get; } = new("--sys-prefix") { Description = "Into the active Python environment (VIRTUAL_ENV or CONDA_PREFIX)." };

        public Option<DirectoryInfo?> Prefix { get; } = new("--prefix") { Description = "Into PREFIX/share/jupyter/kernels (add PREFIX/share/jupyter to JUPYTER_PATH if it is not searched)." };

        public Option<string> Name { get; } = new("--name")
        {
            Description = "The kernelspec name; .net-csharp is what .NET Interactive notebooks name in their metadata.",
            DefaultValueFactory = _ => KernelSpec.DefaultName,
        };

        public void Validate(Command command)
        {
            command.Validators.Add(result =>
            {
                var given = new[] { result.GetResult(User) is not null, result.GetResult(SysPrefix) is not null, result.GetResult(Prefix) is not null }.Count(g => g);
                if (given > 1)
                {
                    result.AddError("give at most one of --user, --sys-prefix and --prefix");
                }

                if (result.GetValue(Name) is { } name && !KernelSpec.IsValidName(name))
                {
                    result.AddError($"--name '{name}' is not a kernelspec name: use ASCII letters, digits, '-', '.' and '_'");
                }
            });
        }

        public bool IsGiven(ParseResult parse) => parse.GetValue(User) || parse.GetValue(SysPrefix) || parse.GetValue(Prefix) is not null;

        public string? Folder(ParseResult parse, out string? problem)
        {
            problem = null;
            if (parse.GetValue(Prefix) is { } prefix)
            {
                return KernelSpecLocation.Prefix(prefix.FullName);
            }

            if (parse.GetValue(SysPrefix))
            {
                problem = "--sys-prefix: no Python environment is active (neither VIRTUAL_ENV nor CONDA_PREFIX is set); use --user or --prefix DIR.";
                return KernelSpecLocation.SysPrefix(Environment.GetEnvironmentVariable);
            }

            return KernelSpecLocation.User(Environment.GetEnvironmentVariable);
        }
    }
}
