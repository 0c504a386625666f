using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>
/// The survey rows' cell by arm and wave, worked out once for every instrument: the wellbeing section splits each
/// instrument's scores by arm and wave, which as a pass over the rows per arm and wave cost about a tenth of the section at
/// national scale.
/// </summary>
internal sealed class ArmWaveCells
{
    private readonly int[] _cellOfRow;

    /// <summary>The cells of rows with arm code <paramref name="armOf"/> and wave <paramref name="waves"/> (an arm outside <paramref name="arms"/> has none).</summary>
    public ArmWaveCells(IReadOnlyList<ExperimentArm> arms, IReadOnlyList<string> armOf, IReadOnlyList<int> waves)
    {
        Waves = [.. waves.Distinct().Order()];
        var waveIndex = Waves.Select((wave, w) => (wave, w)).ToDictionary(p => p.wave, p => p.w);
        var armIndex = arms.Select((arm, a) => (arm.Code, a)).ToDictionary(p => p.Code, p => p.a, StringComparer.Ordinal);
        Cells = arms.Count * Waves.Count;
        _cellOfRow = new int[armOf.Count];
        for (var i = 0; i < _cellOfRow.Length; i++)
        {
            _cellOfRow[i] = armIndex.TryGetValue(armOf[i], out var a) ? Index(a, waveIndex[waves[i]]) : -1;
        }
    }

    /// <summary>The waves, ascending.</summary>
    public IReadOnlyList<int> Waves { get; }

    /// <summary>The number of cells (arms × waves).</summary>
    public int Cells { get; }

    /// <summary>The cell of arm <paramref name="arm"/> (index into the arms) and wave <paramref name="wave"/> (index into <see cref="Waves"/>).</summary>
    public int Index(int arm, int wave) => (arm * Waves.Count) + wave;

    /// <summary>The present values of <paramref name="values"/> (one per row) per cell, in row order.</summary>
    public List<double>[] Split(IReadOnlyList<double?> values)
    {
        var cells = Enumerable.Range(0, Cells).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < _cellOfRow.Length; i++)
        {
            if (_cellOfRow[i] >= 0 && values[i] is { } value)
            {
                cells[_cellOfRow[i]].Add(value);
            }
        }

        return cells;
    }
}
