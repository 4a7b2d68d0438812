using System.Globalization;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Territory.DemoCity;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Territory;

/// <summary>How territory things read in the current language: names, ranks, addresses, opening hours.</summary>
public sealed class TerritoryText(IStringLocalizer<SharedResource> localizer)
{
    public string DistrictName(District district) => LocalizationSetup.Pick(district.NameKk, district.NameRu, district.NameEn);

    public string BeatName(Beat beat) =>
        string.IsNullOrWhiteSpace(beat.Name) ? localizer["Beat.NumberedName", beat.Number] : $"{localizer["Beat.NumberedName", beat.Number]} «{beat.Name}»";

    /// <summary>Cyrillic as written in Kazakh and Russian; passport-style Latin in English.</summary>
    public string OfficerName(Officer officer)
    {
        var full = $"{officer.Surname} {officer.GivenName} {officer.Patronymic}".Trim();
        return LocalizationSetup.CurrentLanguage == "en" ? Transliteration.ToLatin($"{officer.GivenName} {officer.Surname}") : full;
    }

    public string Rank(PoliceRank rank) => localizer[$"Rank.{rank}"];

    public string Position(OfficerPosition position) => localizer[$"Position.{position}"];

    public string StreetName(Street street) =>
        localizer[$"Street.{street.Kind}", LocalizationSetup.Pick(street.NameKk, street.NameRu, street.NameEn)];

    public string AddressLine(Address address) =>
        localizer[$"Address.{address.Street.Kind}", LocalizationSetup.Pick(address.Street.NameKk, address.Street.NameRu, address.Street.NameEn), address.HouseNumber];

    public string Hours(string stored)
    {
        if (!OpeningHours.TryParse(stored, out var hours)) return stored;
        if (hours.AroundTheClock) return localizer["Hours.AroundTheClock"];
        var days = CultureInfo.CurrentCulture.DateTimeFormat.AbbreviatedDayNames;
        return string.Join("; ", hours.Spans.Select(span =>
        {
            var first = span.Days[0];
            var last = span.Days[^1];
            var dayText = span.Days.Count == 1 ? days[(int)first] : $"{days[(int)first]}–{days[(int)last]}";
            return $"{dayText} {span.Opens:HH\\:mm}–{span.Closes:HH\\:mm}";
        }));
    }
}
