using Research.Data.Tables;

namespace Research.Analysis.Reports;

/// <summary>
/// When the COVID-19 pandemic reached the participants, in months since their randomisation: the Netherlands' first
/// measures came in March 2020, and participants were randomised over an intake window, so the pandemic starts at a
/// different relative month for each of them.
/// </summary>
/// <param name="FromAny">The first relative month in which some participant is in March 2020 or later.</param>
/// <param name="FromAll">The first relative month in which every participant is.</param>
public sealed record CovidPeriod(int FromAny, int FromAll)
{
    /// <summary>The first month of the pandemic's measures in the Netherlands.</summary>
    public static YearMonth Start { get; } = new(2020, 3);

    /// <summary>The period of <paramref name="context"/>'s participants.</summary>
    public static CovidPeriod Of(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var months = context.Persons.Select(p => context.Panel.RandomisationMonth[p]).ToList();
        var first = months.Min();
        var last = months.Max();
        return new CovidPeriod(Start.MonthsSince(last), Start.MonthsSince(first));
    }
}
