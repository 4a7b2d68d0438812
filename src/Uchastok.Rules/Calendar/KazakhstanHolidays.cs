namespace Uchastok.Rules.Calendar;

/// <summary>
/// The public holidays of Kazakhstan (Law on holidays; Labour Code, art. 85) and the days off
/// they carry over, used to seed the calendar that administrators then keep. A national or state
/// holiday that falls on a Saturday or Sunday moves its day off to the next working day; the
/// religious ones (Orthodox Christmas on 7 January, the first day of Kurban ait) do not. The
/// government's yearly transfers of days off are decrees, so they come in as data.
/// </summary>
public static class KazakhstanHolidays
{
    /// <summary>A government transfer: <paramref name="DayOff"/> becomes a day off, <paramref name="WorkingDay"/> (if any) a working day.</summary>
    public sealed record Transfer(DateOnly DayOff, DateOnly? WorkingDay);

    /// <summary>The first day of Kurban ait, set each year by the Spiritual Administration of Muslims of Kazakhstan.</summary>
    public static readonly IReadOnlyDictionary<int, DateOnly> KurbanAit = new Dictionary<int, DateOnly>
    {
        [2025] = new(2025, 6, 6),
        [2026] = new(2026, 5, 27),
        // Expected date; the administrator confirms it when it is announced.
        [2027] = new(2027, 5, 16),
    };

    /// <summary>Government decrees moving days off, as published for each year.</summary>
    public static readonly IReadOnlyDictionary<int, Transfer[]> Transfers = new Dictionary<int, Transfer[]>
    {
        // New Year 2025: Friday 3 January off, Sunday 5 January worked (Ministry of Labour order).
        [2025] = [new(new(2025, 1, 3), new(2025, 1, 5))],
        [2026] = [],
        [2027] = [],
    };

    private static readonly (int Month, int Day, bool Religious, string Kk, string Ru, string En)[] Fixed =
    [
        (1, 1, false, "Жаңа жыл", "Новый год", "New Year"),
        (1, 2, false, "Жаңа жыл", "Новый год", "New Year"),
        (1, 7, true, "Православиелік Рождество", "Православное Рождество", "Orthodox Christmas"),
        (3, 8, false, "Халықаралық әйелдер күні", "Международный женский день", "International Women's Day"),
        (3, 21, false, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz meirami"),
        (3, 22, false, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz meirami"),
        (3, 23, false, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz meirami"),
        (5, 1, false, "Қазақстан халқының бірлігі мерекесі", "Праздник единства народа Казахстана", "Day of Unity of the People of Kazakhstan"),
        (5, 7, false, "Отан қорғаушы күні", "День защитника Отечества", "Defender of the Fatherland Day"),
        (5, 9, false, "Жеңіс күні", "День Победы", "Victory Day"),
        (7, 6, false, "Астана күні", "День столицы", "Capital Day"),
        (8, 30, false, "Конституция күні", "День Конституции", "Constitution Day"),
        (10, 25, false, "Республика күні", "День Республики", "Republic Day"),
        (12, 16, false, "Тәуелсіздік күні", "День Независимости", "Independence Day"),
    ];

    /// <summary>The calendar exceptions of one year: holidays, their carry-overs, and the transfers and Kurban ait known for it.</summary>
    public static IReadOnlyList<CalendarDay> For(int year) =>
        For(year, KurbanAit.GetValueOrDefault(year), Transfers.GetValueOrDefault(year) ?? []);

    public static IReadOnlyList<CalendarDay> For(int year, DateOnly? kurbanAit, IEnumerable<Transfer> transfers)
    {
        var holidays = Fixed.Select(h => new Holiday(new DateOnly(year, h.Month, h.Day), h.Religious, h.Kk, h.Ru, h.En)).ToList();
        if (kurbanAit is { } kurban) holidays.Add(new Holiday(kurban, true, "Құрбан айт", "Курбан айт", "Kurban ait"));
        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));

        var days = new Dictionary<DateOnly, CalendarDay>();
        foreach (var h in holidays) days[h.Date] = new CalendarDay(h.Date, CalendarDayKind.Holiday, h.Kk, h.Ru, h.En);

        foreach (var h in holidays)
        {
            if (h.Religious || h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) continue;
            // The next weekday that is not already a holiday or a carried-over day off.
            var carried = h.Date.AddDays(1);
            while (carried.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.ContainsKey(carried)) carried = carried.AddDays(1);
            var from = h.Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            days[carried] = new CalendarDay(carried, CalendarDayKind.DayOff,
                $"{h.Kk}: демалыс күні {from} күнінен ауыстырылды", $"{h.Ru}: выходной перенесён с {from}", $"{h.En}: day off carried over from {from}");
        }

        foreach (var transfer in transfers)
        {
            days[transfer.DayOff] = new CalendarDay(transfer.DayOff, CalendarDayKind.DayOff,
                "Үкімет ауыстырған демалыс күні", "Выходной день, перенесённый правительством", "Day off transferred by the government");
            if (transfer.WorkingDay is { } working)
            {
                var instead = transfer.DayOff.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
                days[working] = new CalendarDay(working, CalendarDayKind.WorkingDay,
                    $"{instead} орнына жұмыс күні", $"Рабочий день вместо {instead}", $"Working day in exchange for {instead}");
            }
        }
        return days.Values.OrderBy(d => d.Date).ToList();
    }

    private sealed record Holiday(DateOnly Date, bool Religious, string Kk, string Ru, string En);
}
