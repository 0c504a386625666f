using Research.Bench;

// Every benchmark is a class implementing IBenchmark; `dotnet run -c Release --project bench/Research.Bench -- NAME [args]`
// runs one, no argument lists them. Figures are printed, never asserted: speed goals are read, not tested.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("usage: Research.Bench NAME [args...]\n");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-24} {b.Description}");
    }

    return 0;
}

var chosen = benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (chosen is null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; run without arguments for the list");
    return 2;
}

try
{
    return chosen.Run(args[1..]);
}
catch (BenchmarkFailedException e)
{
    Console.Error.WriteLine($"{chosen.Name}: {e.Message}");
    return 1;
}
