namespace Research.Jupyter.Protocol;

/// <summary>
/// Remembers the signatures of recent messages so that a captured message sent again is refused, as jupyter_client
/// does with its digest history. Bounded: the oldest signatures are forgotten first.
/// </summary>
public sealed class ReplayGuard
{
    private readonly int _capacity;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    /// <summary>Creates a guard remembering <paramref name="capacity"/> signatures.</summary>
    public ReplayGuard(int capacity = 65536) => _capacity = capacity;

    /// <summary>False when <paramref name="signature"/> was seen before; otherwise remembers it.</summary>
    public bool Accept(string signature)
    {
        lock (_gate)
        {
            if (!_seen.Add(signature))
            {
                return false;
            }

            _order.Enqueue(signature);
            if (_order.Count > _capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
