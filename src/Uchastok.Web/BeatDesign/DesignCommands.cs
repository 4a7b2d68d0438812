using System.Security.Claims;
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

/// <summary>
/// What a supervisor does with beat design, one command per use case: start a run
/// (<see cref="StartDesignRunCommand"/>), cancel it (<see cref="CancelDesignRunCommand"/>), approve its
/// proposal (<see cref="ApproveDesignCommand"/>), and put due versions into force
/// (<see cref="ActivateBeatVersionsCommand"/>); applying a version is <see cref="ApplyBeatVersion"/>,
/// which replaces the beats through Territory's <c>ReplaceBeatsCommand</c>. This class only keeps the
/// names the endpoints and pages call.
/// </summary>
public sealed class DesignCommands(StartDesignRunCommand start, CancelDesignRunCommand cancel, ApproveDesignCommand approve, ActivateBeatVersionsCommand activate)
{
    public const int MaxTimeLimitSeconds = StartDesignRunCommand.MaxTimeLimitSeconds;

    public Task<DesignResult> StartAsync(ClaimsPrincipal user, int districtId, DesignRunInput input, CancellationToken cancellationToken) =>
        start.ExecuteAsync(user, districtId, input, cancellationToken);

    public Task<DesignResult> CancelAsync(ClaimsPrincipal user, int runId, CancellationToken cancellationToken) => cancel.ExecuteAsync(user, runId, cancellationToken);

    public Task<DesignResult> ApproveAsync(ClaimsPrincipal user, int runId, DateOnly? effectiveFrom, bool confirmNotBetter, CancellationToken cancellationToken) =>
        approve.ExecuteAsync(user, runId, effectiveFrom, confirmNotBetter, cancellationToken);

    public Task<int> ActivateDueAsync(CancellationToken cancellationToken) => activate.ExecuteAsync(cancellationToken);
}
