using System.Globalization;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Appeals;

/// <summary>How appeal things read in the current language: kinds, states, actions, categories, officers, dates.</summary>
public sealed class AppealText(IStringLocalizer<SharedResource> localizer, TerritoryText territory)
{
    public string Kind(AppealKind kind) => localizer[$"AppealKind.{kind}"];

    public string State(AppealState state) => localizer[$"AppealState.{state}"];

    public string Action(AppealAction action) => localizer[$"AppealAction.{action}"];

    public string Quality(ServiceQuality quality) => localizer[$"ServiceQuality.{quality}"];

    public string Category(AppealCategory category) => LocalizationSetup.Pick(category.NameKk, category.NameRu, category.NameEn);

    /// <summary>"Name, rank": how the handling officer is shown to a resident.</summary>
    public string Officer(Officer officer) => $"{territory.OfficerName(officer)}, {territory.Rank(officer.Rank)}";

    public string OfficerName(Officer officer) => territory.OfficerName(officer);

    public string Rank(Officer officer) => territory.Rank(officer.Rank);

    public string District(District district) => territory.DistrictName(district);

    public string Beat(Beat beat) => territory.BeatName(beat);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Moment(DateTime utc) => KazakhstanTime.Format(utc);

    public string Refusal(TransitionRefusal refusal) => localizer[$"AppealRefusal.{refusal}"];

    /// <summary>The kind as the API writes it: camelCase of the enum name.</summary>
    public static string ApiName<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParseApiName<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
