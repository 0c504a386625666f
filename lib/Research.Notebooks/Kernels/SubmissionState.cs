using System.Reflection;

namespace Research.Notebooks.Kernels;

/// <summary>
/// A C# kernel's state after a submission ran: the chain up to it, the submission objects (whose public fields are
/// the cells' variables), and what the submission returned or threw.
/// </summary>
/// <remarks>
/// Each run works on its own copy of the submission objects, so a cell abandoned after an interrupt cannot disturb
/// the state later cells continue from. Immutable apart from the variables' values, which cells change.
/// </remarks>
internal sealed class SubmissionState
{
    private readonly object?[] _submissions;

    private SubmissionState(Submission head, object?[] submissions, object? returnValue, Exception? exception)
    {
        Head = head;
        _submissions = submissions;
        ReturnValue = returnValue;
        Exception = exception;
    }

    /// <summary>The last submission run.</summary>
    public Submission Head { get; }

    /// <summary>What the submission's trailing expression returned.</summary>
    public object? ReturnValue { get; }

    /// <summary>What the submission threw, or null.</summary>
    public Exception? Exception { get; }

    /// <summary>The cells' variables in the order they were declared, submission by submission.</summary>
    public IEnumerable<(string Name, Type Type, object? Value)> Variables =>
        Fields().Select(f => (f.Field.Name, f.Field.FieldType, f.Field.GetValue(f.Owner)));

    /// <summary>Starts <paramref name="submission"/> on a copy of the submission objects of <paramref name="previous"/> (null: the first, with <paramref name="globals"/>).</summary>
    /// <remarks>Only the submission's synchronous part runs here; the task completes when the submission does.</remarks>
    public static Task<SubmissionState> Start(SubmissionState? previous, object globals, Submission submission, Func<object?[], Task<object?>> entry)
    {
        // Slot 0 holds the globals; a submission with code puts its object in the next free slot (one without, such
        // as a cell of using directives only, has no object and no slot).
        var submissions = new object?[(previous?._submissions.Length ?? 1) + 1];
        if (previous is null)
        {
            submissions[0] = globals;
        }
        else
        {
            Array.Copy(previous._submissions, submissions, previous._submissions.Length);
        }

        Task<object?> running;
        try
        {
            running = entry(submissions);
        }
        catch (Exception exception)
        {
            running = Task.FromException<object?>(exception);
        }

        return Complete(running, submission, submissions);
    }

    /// <summary>Sets the latest variable named <paramref name="name"/>; false when there is none.</summary>
    public bool TrySet(string name, object? value)
    {
        if (Fields().LastOrDefault(f => f.Field.Name == name) is not { Field: { } field } found)
        {
            return false;
        }

        field.SetValue(found.Owner, value);
        return true;
    }

    /// <summary>The value of the latest variable named <paramref name="name"/>.</summary>
    public bool TryGet(string name, out object? value)
    {
        var found = Fields().LastOrDefault(f => f.Field.Name == name);
        value = found.Field?.GetValue(found.Owner);
        return found.Field is not null;
    }

    private static async Task<SubmissionState> Complete(Task<object?> running, Submission submission, object?[] submissions)
    {
        object? value = null;
        Exception? thrown = null;
        try
        {
            value = await running.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        // The submission's constructor, which fills its slot, runs before any of its code.
        return new SubmissionState(submission, submissions[^1] is null ? submissions[..^1] : submissions, value, thrown);
    }

    // The public fields of the submission objects that name variables (not the compiler's own, whose names start with '<').
    private IEnumerable<(FieldInfo Field, object Owner)> Fields() =>
        _submissions.Skip(1).OfType<object>().SelectMany(owner => owner.GetType().GetTypeInfo().DeclaredFields
            .Where(f => f.IsPublic && f.Name.Length > 0 && (char.IsLetterOrDigit(f.Name[0]) || f.Name[0] == '_'))
            .Select(f => (f, owner)));
}
