using Research.Analysis.Disclosure;
using Research.Analysis.Reports.Tables;
using Research.Analysis.Results;

namespace Research.Analysis.Reports;

/// <summary>
/// One municipality's report: every section computed once from one <see cref="ReportContext"/>, and the
/// disclosure-controlled tables built from them. The notebook's results cell, <c>Reproduction</c> in the synthesis and
/// <c>research verify</c> all go through <see cref="ToResultFile"/>, so they cannot drift apart.
/// </summary>
/// <example>
/// <code>
/// var report = MunicipalReport.Compute(ReportContext.Load("../out/extracts", "utrecht"));
/// report.Save("../out/reports");
/// </code>
/// </example>
public sealed class MunicipalReport
{
    /// <summary>The report kind in result files.</summary>
    public const string Kind = "municipal";

    private MunicipalReport(ReportContext context, ReportSpecification specification, DesignSection design, BalanceSection balance, PrimaryOutcomes primary,
        Durability durability, Wellbeing wellbeing, Attrition attrition, EvidenceRating evidence, EffectPaths paths, Fiscal fiscal, Subgroups subgroups,
        Sensitivity sensitivity, ReturnToBenefit returns)
    {
        Paths = paths;
        Fiscal = fiscal;
        Subgroups = subgroups;
        Sensitivity = sensitivity;
        Returns = returns;
        Context = context;
        Specification = specification;
        Design = design;
        Balance = balance;
        Primary = primary;
        Durability = durability;
        Wellbeing = wellbeing;
        Attrition = attrition;
        Evidence = evidence;
        Covid = CovidPeriod.Of(context);
        Tables = Publish();
    }

    /// <summary>The data the report was computed from.</summary>
    public ReportContext Context { get; }

    /// <summary>How it was computed.</summary>
    public ReportSpecification Specification { get; }

    /// <summary>The municipality key.</summary>
    public string Municipality => Context.Municipality;

    /// <summary>Section 1: design and flow.</summary>
    public DesignSection Design { get; }

    /// <summary>Section 2: balance at baseline.</summary>
    public BalanceSection Balance { get; }

    /// <summary>Section 3: the register outcomes.</summary>
    public PrimaryOutcomes Primary { get; }

    /// <summary>Section 4: durability and time to outflow.</summary>
    public Durability Durability { get; }

    /// <summary>Section 5: wellbeing.</summary>
    public Wellbeing Wellbeing { get; }

    /// <summary>Section 5: survey attrition.</summary>
    public Attrition Attrition { get; }

    /// <summary>The strength of the evidence.</summary>
    public EvidenceRating Evidence { get; }

    /// <summary>The effects month by month, before and after randomisation.</summary>
    public EffectPaths Paths { get; }

    /// <summary>The effects on the benefit paid.</summary>
    public Fiscal Fiscal { get; }

    /// <summary>Subgroup effects (exploratory).</summary>
    public Subgroups Subgroups { get; }

    /// <summary>Effects under other definitions of full outflow.</summary>
    public Sensitivity Sensitivity { get; }

    /// <summary>Return to benefit after leaving it.</summary>
    public ReturnToBenefit Returns { get; }

    /// <summary>When the COVID-19 pandemic reached the participants.</summary>
    public CovidPeriod Covid { get; }

    /// <summary>Every published table, disclosure-controlled, in report order.</summary>
    public IReadOnlyList<ResultTable> Tables { get; }

    /// <summary>Computes every section.</summary>
    /// <remarks>
    /// The sections are independent of each other (evidence aside, which only combines two of them), so they are computed
    /// side by side, one per processor (<see cref="Environment.ProcessorCount"/>, which run-all's workers are given as
    /// their share of the cores), the longest first; the report is the same as computed one after another
    /// (<see cref="SectionSchedule"/>).
    /// </remarks>
    public static MunicipalReport Compute(ReportContext context, ReportSpecification? specification = null) =>
        Compute(context, specification ?? ReportSpecification.Default, Environment.ProcessorCount);

    /// <summary>Computes every section, at most <paramref name="parallelism"/> at a time.</summary>
    internal static MunicipalReport Compute(ReportContext context, ReportSpecification specification, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(specification);
        var effects = specification.Effects;
        var sections = new SectionSchedule(parallelism);
        var primary = sections.Add(() => PrimaryOutcomes.Compute(context, effects));
        var subgroups = sections.Add(() => Subgroups.Compute(context, effects));
        var paths = sections.Add(() => EffectPaths.Compute(context, effects));
        var wellbeing = sections.Add(() => Wellbeing.Compute(context, specification: effects));
        var sensitivity = sections.Add(() => Sensitivity.Compute(context, effects));
        var fiscalHorizons = PrimaryOutcomes.HorizonsOf(context).Where(h => h >= context.Experiment.PrimaryHorizonMonths).ToList();
        var fiscal = sections.Add(() => Fiscal.Compute(context, fiscalHorizons, effects));
        var durability = sections.Add(() => Durability.Compute(context, effects));
        var balance = sections.Add(() => BalanceSection.Compute(context, specification.Disclosure.MinimumCount));
        var attrition = sections.Add(() => Attrition.Compute(context));
        var design = sections.Add(() => DesignSection.Compute(context));
        var returns = sections.Add(() => ReturnToBenefit.Compute(context));
        sections.Run();
        return new MunicipalReport(context, specification, design.Value, balance.Value, primary.Value, durability.Value, wellbeing.Value,
            attrition.Value, EvidenceRating.Compute(context, balance.Value, attrition.Value), paths.Value, fiscal.Value, subgroups.Value,
            sensitivity.Value, returns.Value);
    }

    /// <summary>The published table called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such table.</exception>
    public ResultTable this[string name] => Tables.FirstOrDefault(t => t.Name == name)
        ?? throw new KeyNotFoundException($"{Municipality} has no result table '{name}'; tables: {string.Join(", ", Tables.Select(t => t.Name))}");

    /// <summary>The result file.</summary>
    public ResultFile ToResultFile() => new(Municipality, Kind, Tables) { DisclosureRules = Specification.Disclosure.RulesUsed(Tables) };

    /// <summary>
    /// Writes the result file into <paramref name="outputDirectory"/> (created if needed) and returns its path relative
    /// to the current directory (a notebook shows it, and no machine path may reach a published output).
    /// </summary>
    public string Save(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ResultFile.FileNameFor(Municipality));
        ToResultFile().Save(path);
        return Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
    }

    private List<ResultTable> Publish()
    {
        var control = Specification.Disclosure;
        var minimum = control.MinimumCount;
        var stratified = Context.IsStratified;
        var drafts = new List<DraftTable>();
        drafts.AddRange(DesignTables.Of(Design));
        drafts.AddRange(BalanceTables.Of(Balance, Context.Experiment.Control, minimum));
        drafts.AddRange(PrimaryTables.Of(Primary, stratified));
        drafts.AddRange(DurabilityTables.Of(Durability, Context.Experiment.PrimaryHorizonMonths, stratified, minimum));
        drafts.AddRange(WellbeingTables.Of(Wellbeing, stratified));
        drafts.AddRange(AttritionTables.Of(Attrition));
        drafts.AddRange(EvidenceTables.Of(Evidence));
        drafts.AddRange(ExtensionTables.Of(Paths, Fiscal, Subgroups, Sensitivity, Returns, Specification.Effects, stratified));
        var duplicate = drafts.GroupBy(t => t.Table.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"result table '{duplicate.Key}' appears {duplicate.Count()} times");
        }

        // Everyone's count is public (the design states how many took part), so it can never be withheld.
        return [.. control.Protect(drafts, Populations.Domains(Context.Experiment),
            new Dictionary<Population, int> { [Population.All] = Context.Persons.Count })];
    }
}
