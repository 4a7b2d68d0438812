namespace Uchastok.Rules.BeatDesign;

/// <summary>What approval weighs of a plan: how many beats, how even their loads, how many are in one piece.</summary>
public sealed record PlanBalance(int Beats, double MaxOverMean, double CoefficientOfVariation, double ContiguousShare);

public enum ProposalVerdict
{
    /// <summary>Better balanced or more whole than today, or another number of beats was asked for.</summary>
    Improves,
    /// <summary>Moves areas without a gain worth the name: approving it needs an explicit confirmation.</summary>
    NotBetter,
    /// <summary>Today's beats as they are: nothing to approve.</summary>
    Unchanged,
}

/// <summary>
/// Whether a proposal improves on today's beats, so that approving it is one click. Moving
/// residents to another inspector has a cost (new faces, new reception point, records that follow),
/// so a proposal must earn it: another number of beats (the supervisor asked for it), or a heaviest
/// beat or a spread of loads lower by at least <see cref="Margin"/>, or more beats in one piece;
/// and never a heavier heaviest beat or fewer beats in one piece. The margin is 1 % of the mean
/// load: below it the gain is within a year's noise in incident counts, and within the rounding of
/// the measures the page shows.
/// </summary>
public static class ProposalImprovementRule
{
    public const double Margin = 0.01;

    /// <summary>How much a measure may worsen and still count as the same: the measures are kept to three decimals.</summary>
    private const double Rounding = 0.0015;

    public static ProposalVerdict Judge(PlanBalance today, PlanBalance proposal, int areasMoved)
    {
        if (proposal.Beats != today.Beats) return ProposalVerdict.Improves;
        if (areasMoved == 0) return ProposalVerdict.Unchanged;
        if (proposal.ContiguousShare < today.ContiguousShare - Rounding || proposal.MaxOverMean > today.MaxOverMean + Rounding) return ProposalVerdict.NotBetter;
        var better = FallsByMargin(today.MaxOverMean, proposal.MaxOverMean)
            || FallsByMargin(today.CoefficientOfVariation, proposal.CoefficientOfVariation)
            || proposal.ContiguousShare > today.ContiguousShare + Rounding;
        return better ? ProposalVerdict.Improves : ProposalVerdict.NotBetter;
    }

    // 1.133 − 0.01 is 1.1229999… in binary: a fall of exactly the margin, as the page shows it, counts.
    private static bool FallsByMargin(double today, double proposal) => today - proposal >= Margin - 1e-9;
}
