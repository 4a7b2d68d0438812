namespace Uchastok.Rules.BeatDesign;

/// <summary>
/// The weights of the workload model, in resident-equivalents: what one recorded incident, one
/// appeal or one square kilometre to cover costs an inspector, compared with serving one resident.
/// The defaults are a starting point for a supervisor to change, not a measurement: an incident
/// weighs as much as 20 residents (a visit, a report, follow-up), an appeal 10 (15 working days of
/// handling, often one visit), a square kilometre 300 (an urban beat of 1–2 km² then carries about
/// a tenth of its load as travel), and rural land counts twice (longer, slower roads).
/// </summary>
public sealed record WorkloadWeights(
    double PerResident = 1,
    double PerIncident = 20,
    double PerAppeal = 10,
    double PerSquareKilometre = 300,
    double RuralFactor = 2,
    IReadOnlyDictionary<string, double>? IncidentTypeFactors = null)
{
    public static readonly WorkloadWeights Default = new();

    /// <summary>How much one incident of this type counts, relative to <see cref="PerIncident"/> (1 unless configured).</summary>
    public double IncidentFactor(string type) =>
        IncidentTypeFactors is not null && IncidentTypeFactors.TryGetValue(type, out var factor) ? factor : 1;
}

/// <summary>What a small area holds, before weighting.</summary>
public sealed record AreaWorkloadInput(int Residents, IReadOnlyDictionary<string, int> IncidentsByType, int Appeals, double AreaSquareKilometres, bool Rural);

/// <summary>A load split into the parts a supervisor sees.</summary>
public sealed record WorkloadComponents(double Residents, double Incidents, double Appeals, double Travel)
{
    public double Total => Residents + Incidents + Appeals + Travel;

    public static WorkloadComponents Zero { get; } = new(0, 0, 0, 0);

    public WorkloadComponents Plus(WorkloadComponents other) =>
        new(Residents + other.Residents, Incidents + other.Incidents, Appeals + other.Appeals, Travel + other.Travel);
}

public static class Workload
{
    public static WorkloadComponents Of(AreaWorkloadInput area, WorkloadWeights? weights = null)
    {
        weights ??= WorkloadWeights.Default;
        var incidents = area.IncidentsByType.Sum(i => i.Value * weights.PerIncident * weights.IncidentFactor(i.Key));
        var travel = area.AreaSquareKilometres * weights.PerSquareKilometre * (area.Rural ? weights.RuralFactor : 1);
        return new WorkloadComponents(area.Residents * weights.PerResident, incidents, area.Appeals * weights.PerAppeal, travel);
    }
}

/// <summary>How many inspectors a district needs: by a target load per inspector, and by today's norm of 3,000–5,000 residents each.</summary>
public sealed record StaffingEstimate(int ByTargetLoad, int ByNormAtMost, int ByNormAtLeast)
{
    public const int NormResidentsLow = 3000;
    public const int NormResidentsHigh = 5000;

    public static StaffingEstimate For(double totalLoad, double targetLoadPerInspector, long residents)
    {
        if (targetLoadPerInspector <= 0) throw new ArgumentOutOfRangeException(nameof(targetLoadPerInspector), "The target load must be positive.");
        return new StaffingEstimate(
            Math.Max(1, (int)Math.Ceiling(totalLoad / targetLoadPerInspector)),
            Math.Max(1, (int)Math.Ceiling(residents / (double)NormResidentsLow)),
            Math.Max(1, (int)Math.Ceiling(residents / (double)NormResidentsHigh)));
    }
}
