namespace Uchastok.Rules.Integrations;

public enum Open311QueryProblem
{
    /// <summary>Not a W3C date-time with an offset.</summary>
    BadDate,
    EndBeforeStart,
    /// <summary>The range spans more than the 90 days the specification allows.</summary>
    SpanTooLong,
    /// <summary>A status other than open or closed.</summary>
    BadStatus,
}

/// <summary>
/// The arguments of GET requests, read by the specification: <c>service_request_id</c> (a comma
/// list) overrides all the others; otherwise <c>service_code</c> and <c>status</c> (comma lists)
/// filter requests made within <c>start_date</c>..<c>end_date</c>, a range of at most 90 days that
/// defaults to the most recent 90. At most 1,000 requests come back, the newest first.
/// </summary>
public sealed record Open311RequestQuery(
    IReadOnlyList<string> ServiceRequestIds, IReadOnlyList<string> ServiceCodes, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Statuses)
{
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);
    public const int MaxResults = 1000;

    public sealed record Problem(string Parameter, Open311QueryProblem Kind, string? Value = null);

    /// <summary>Reads the arguments; empty ones count as not given ("optional" in the specification's sense).</summary>
    public static (Open311RequestQuery? Query, IReadOnlyList<Problem> Problems) Parse(
        string? serviceRequestIds, string? serviceCodes, string? startDate, string? endDate, string? status, DateTimeOffset now)
    {
        var problems = new List<Problem>();
        var ids = CommaList(serviceRequestIds);
        var codes = CommaList(serviceCodes);
        var statuses = CommaList(status).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        foreach (var bad in statuses.Where(s => s is not (Open311Status.Open or Open311Status.Closed)))
            problems.Add(new("status", Open311QueryProblem.BadStatus, bad));

        DateTimeOffset? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(startDate))
        {
            if (W3cDateTime.TryParse(startDate, out var parsed)) start = parsed;
            else problems.Add(new("start_date", Open311QueryProblem.BadDate, startDate.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(endDate))
        {
            if (W3cDateTime.TryParse(endDate, out var parsed)) end = parsed;
            else problems.Add(new("end_date", Open311QueryProblem.BadDate, endDate.Trim()));
        }
        if (problems.Count > 0) return (null, problems);

        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, now),
        };
        // The ids override every other argument, the date range included.
        if (ids.Count == 0)
        {
            if (to < from) problems.Add(new("end_date", Open311QueryProblem.EndBeforeStart));
            else if (to - from > MaxSpan) problems.Add(new("end_date", Open311QueryProblem.SpanTooLong));
        }
        return problems.Count > 0 ? (null, problems) : (new Open311RequestQuery(ids, codes, from, to, statuses), problems);
    }

    private static List<string> CommaList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
