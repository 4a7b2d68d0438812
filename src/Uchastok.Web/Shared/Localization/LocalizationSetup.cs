using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Uchastok.Web.Shared.Localization;

/// <summary>
/// Kazakh (the state language, and the default), Russian and English. The choice is kept in
/// the standard culture cookie; a <c>?culture=</c> (or Open311's <c>?locale=</c>) query and the
/// browser's Accept-Language are honoured too, so API clients get messages in their language without a cookie.
/// </summary>
public static class LocalizationSetup
{
    public static readonly string[] Languages = ["kk", "ru", "en"];

    public static IServiceCollection AddUchastokLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(l => new CultureInfo(l)).ToList();
            options.DefaultRequestCulture = new RequestCulture("kk");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                // Open311 clients name their language with `locale` (GeoReport v2.1 draft), often as en_US or ru-RU.
                new CustomRequestCultureProvider(context => Task.FromResult(
                    LanguageOf(context.Request.Query["locale"]) is { } language ? new ProviderCultureResult(language) : null)),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The supported language a locale such as <c>ru</c>, <c>kk-KZ</c> or <c>en_US</c> names, or null.</summary>
    public static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(language) ? language : null;
    }

    /// <summary>The current UI language as one of <see cref="Languages"/>.</summary>
    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch { "ru" => "ru", "en" => "en", _ => "kk" };

    /// <summary>
    /// Runs the following code in another language (a notification in its recipient's language),
    /// and restores the request's language when disposed.
    /// </summary>
    public static IDisposable UseLanguage(string language)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var wanted = CultureInfo.GetCultureInfo(Languages.Contains(language) ? language : "kk");
        CultureInfo.CurrentCulture = wanted;
        CultureInfo.CurrentUICulture = wanted;
        return new Restore(culture, uiCulture);
    }

    private sealed class Restore(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>Picks the variant of a name for the current language.</summary>
    public static string Pick(string kk, string ru, string en) =>
        CurrentLanguage switch { "ru" => ru, "en" => en, _ => kk };
}

/// <summary>All of Kazakhstan has kept UTC+5 since 1 March 2024: store UTC, show local.</summary>
public static class KazakhstanTime
{
    public static readonly TimeSpan Offset = Uchastok.Rules.Calendar.AlmatyClock.SingleZoneOffset;

    public static DateTimeOffset ToLocal(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>Today's date in Kazakhstan.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The local date of a UTC moment.</summary>
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>A moment as Kazakhstan writes it, the same in every language (day.month.year, 24 hours).</summary>
    public static string Format(DateTime utc) =>
        ToLocal(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " (UTC+5)";

    /// <summary>A moment in words of the current language, for an appointment a person keeps: "понедельник, 8 декабря 2026, 10:00".</summary>
    public static string FormatLong(DateTime utc) =>
        ToLocal(utc).ToString("dddd, d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);
}
