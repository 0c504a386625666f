using MathNet.Numerics.Distributions;
using Research.Data.Tables;
using Research.Synthetic.Population;

namespace Research.Synthetic.Register;

/// <summary>Simulates a person's monthly register rows from twelve months before randomisation to the end of the data.</summary>
internal sealed class RegisterSimulator(WorkProcess process, YearMonth endOfData)
{
    private const double WeeksPerMonth = 4.33;
    private const double RegularDisregardShare = 0.25;
    private const double ExperimentalDisregardShare = 0.5;
    private const double DisregardCap = 200;

    public YearMonth EndOfData { get; } = endOfData;

    public List<RegisterMonth> Simulate(SyntheticPerson person, ulong seed)
    {
        var calibration = process.Calibration;
        var rng = new DeterministicRandom(seed, DeterministicRandom.Key(person.Experiment.Municipality), 10, (ulong)person.GlobalIndex);
        var rho = calibration.MonthlyPersistence;
        var innovation = Math.Sqrt(1 - (rho * rho));
        var start = person.RandomisationMonth.AddMonths(-12);
        var months = new List<RegisterMonth>(EndOfData.MonthsSince(start) + 1);
        var z = rng.NextNormal();
        var norm = Norm(person.HouseholdType);
        for (var month = start; month <= EndOfData; month = month.AddMonths(1))
        {
            if (month > start)
            {
                z = (rho * z) + (innovation * rng.NextNormal());
            }

            var t = month.MonthsSince(person.RandomisationMonth);
            var p = process.For(person, t);
            var u = Normal.CDF(0, 1, z);
            double hours;
            if (u < p.P27)
            {
                hours = 28 + Math.Round(rng.NextDouble() * 24) / 2;
            }
            else if (u < p.P12)
            {
                hours = 13 + Math.Round(rng.NextDouble() * 28) / 2;
            }
            else if (u < p.P12 + calibration.SmallJobShare)
            {
                hours = 2 + Math.Round(rng.NextDouble() * 20) / 2;
            }
            else
            {
                hours = 0;
            }

            var offRegion = u < calibration.OffBenefitGivenFullTime * p.P27
                || (u >= p.P27 && u < p.P27 + (calibration.OffBenefitGivenPartTime * (p.P12 - p.P27)));
            var onBenefit = t <= 0 ? t >= -person.BenefitMonthsBaseline : !offRegion;
            var earnings = Math.Round(hours * WeeksPerMonth * person.HourlyWage, 2);
            var amount = 0.0;
            if (onBenefit)
            {
                var disregardShare = person.GetsDisregard && t > 0 && t <= person.InterventionEndMonth ? ExperimentalDisregardShare : RegularDisregardShare;
                var disregard = Math.Min(DisregardCap, disregardShare * earnings);
                amount = Math.Max(25, Math.Round(norm - Math.Max(0, earnings - disregard), 2));
            }

            months.Add(new RegisterMonth(month, t, onBenefit, amount, hours, earnings, person.SelfEmployedType && hours > 0));
        }

        return months;
    }

    // Net social-assistance norms of 2018 (euros a month) by household position, rounded.
    private static double Norm(string household) => household switch
    {
        "couple_without_children" or "couple_with_children" => 1410,
        _ => 987,
    };
}
