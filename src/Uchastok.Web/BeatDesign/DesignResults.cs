using Uchastok.Rules.BeatDesign;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.BeatDesign;

public sealed record DesignRunInput(int? Beats, int? Seed, bool MinimalChange, bool KeepReceptionPoints, int? TimeLimitSeconds);

/// <param name="Verdict">Once measured: whether the proposal improves on today's beats (improves), moves areas for no real gain (notBetter: approval needs confirmNotBetter), or changes nothing (unchanged: nothing to approve).</param>
public sealed record DesignRunView(
    int Id, int DistrictId, string State, double Progress, string? Phase, int Beats, int Seed, bool MinimalChange, bool KeepReceptionPoints, int TimeLimitSeconds,
    DateTime RequestedAtUtc, DateTime? FinishedAtUtc, RunMetrics? Before, RunMetrics? After, string? Error, int? VersionNumber, DateOnly? EffectiveFrom, string? Verdict);

public sealed record BeatVersionView(int Id, int Number, DateOnly EffectiveFrom, string State, int? RunId, DateTime RecordedAtUtc, int Beats, string? Note);

public enum DesignOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    NotNow,
}

/// <summary>What a design command came to; <see cref="MessageKey"/> names the resource that says why it did not happen.</summary>
public sealed record DesignResult(DesignOutcome Outcome, FieldErrors Errors, string? MessageKey = null, int? Id = null);
