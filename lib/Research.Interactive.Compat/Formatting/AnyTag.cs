using System.Dynamic;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary><see cref="PocketViewTags._"/>: every member access names an element (<c>_</c> becomes <c>-</c>).</summary>
internal sealed class AnyTag : DynamicObject
{
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        result = new PocketView(binder.Name.Replace('_', '-'));
        return true;
    }

    public override bool TryInvokeMember(InvokeMemberBinder binder, object?[]? args, out object? result)
    {
        result = new PocketView(binder.Name.Replace('_', '-')).With(args ?? Array.Empty<object?>());
        return true;
    }
}
