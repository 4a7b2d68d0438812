using Uchastok.Rules.Appeals;
using Uchastok.Rules.Calendar;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Demo;

/// <summary>A beat of the demo city as the history uses it: where it is, who serves it, the houses in it.</summary>
internal sealed record HistoryBeat(
    int Id, string Code, int DistrictId, int Population, int InspectorId, double CentreLatitude, double CentreLongitude,
    int? ReceptionPointNumber, IReadOnlyList<Address> Addresses, bool Showcase);

/// <summary>A district and the head of its local police service, who reviews contested answers and complaints about officers.</summary>
internal sealed record HistoryDistrict(int Id, string Code, int Population, int HeadOfficerId);

/// <summary>
/// What every part of the demo history shares: the period it covers, the places and people, and
/// the rules the records must keep (the working calendar and the appeal terms). The period is the
/// four full quarters before the current one and the current one up to <see cref="NowUtc"/>.
/// </summary>
internal sealed class HistoryContext
{
    public required DateTime NowUtc { get; init; }
    public required IReadOnlyList<HistoryBeat> Beats { get; init; }
    public required IReadOnlyList<HistoryDistrict> Districts { get; init; }
    public required WorkingCalendar Calendar { get; init; }
    public required AppealDeadlinePolicy Policy { get; init; }
    /// <summary>The staff account of an officer, where the demo has one (inspector1, the Almaly supervisor): his actions carry it.</summary>
    public required IReadOnlyDictionary<int, string> UserOfOfficer { get; init; }

    public DateOnly Today => KazakhstanTime.LocalDate(NowUtc);

    public Quarter Current => Quarter.Of(Today);

    /// <summary>The quarters of the history, oldest first; the last is the current one, still running.</summary>
    public IReadOnlyList<Quarter> Quarters => Current.Trailing(5);

    public DateOnly Start => Quarters[0].First;

    public IReadOnlyList<Quarter> FullQuarters => Quarters.Take(4).ToList();

    public HistoryDistrict District(int id) => Districts.First(d => d.Id == id);

    public string? UserOf(int? officerId) => officerId is { } id ? UserOfOfficer.GetValueOrDefault(id) : null;

    /// <summary>A moment of a local day, in UTC as stored.</summary>
    public static DateTime At(DateOnly day, int minuteOfDay) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), KazakhstanTime.Offset).UtcDateTime;

    /// <summary>A moment in office hours (09:00–18:00) of the working day on or after <paramref name="day"/>.</summary>
    public DateTime OfficeTime(DateOnly day, Random random) => At(Calendar.OnOrNextWorkingDay(day), random.Next(9 * 60, 18 * 60));
}

/// <summary>
/// The time the history has reached. Module commands called for the past (drafting a quarter's
/// reports, making the survey) take "now" from the clock they are given, so they are handed this one.
/// </summary>
internal sealed class HistoryClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The draws the history makes, on one <see cref="Random"/> per part so that each part is the same whatever the others do.</summary>
internal static class Draws
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn with the given weights.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>Knuth's method: fine for the small means used here.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0) return 0;
        var limit = Math.Exp(-mean);
        var (count, product) = (0, random.NextDouble());
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A language as residents of Almaty write: Kazakh and Russian about equally, English now and then.</summary>
    public static string Language(this Random random) => random.Weighted([0.48, 0.47, 0.05]) switch { 0 => "kk", 1 => "ru", _ => "en" };
}
