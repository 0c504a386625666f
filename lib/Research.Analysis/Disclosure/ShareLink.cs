namespace Research.Analysis.Disclosure;

/// <summary>
/// Places a published share in a group of shares that published effect estimates connect (the shares of all arms in one
/// outcome and month, say): an estimate of the difference between two arms plus one arm's share gives the other's.
/// </summary>
/// <param name="Group">The group, e.g. <c>full_outflow@12</c>; shared across tables.</param>
/// <param name="Node">The share's node in the group, e.g. the arm code.</param>
public sealed record ShareLink(string Group, string Node);
