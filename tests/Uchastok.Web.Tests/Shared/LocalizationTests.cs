using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Identity;
using Uchastok.Rules.Identity;
using Uchastok.Rules.Territory;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Tests.Shared;

/// <summary>Every user-visible string exists in Kazakh, Russian and English.</summary>
public sealed class LocalizationTests
{
    private static readonly ResourceManager Resources = new("Uchastok.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static Dictionary<string, string> Strings(string language) =>
        Resources.GetResourceSet(language.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(language), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Resources_EachLanguage_HasEveryEnglishKeyWithText(string language)
    {
        var english = Strings(string.Empty);
        var translated = Strings(language);
        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.All(translated, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Resources_EachLanguage_KeepsTheSamePlaceholders(string language)
    {
        var english = Strings(string.Empty);
        var translated = Strings(language);
        foreach (var (key, text) in english)
        {
            var expected = Enumerable.Range(0, 4).Where(i => text.Contains($"{{{i}}}", StringComparison.Ordinal));
            var actual = Enumerable.Range(0, 4).Where(i => translated[key].Contains($"{{{i}}}", StringComparison.Ordinal));
            Assert.True(expected.SequenceEqual(actual), $"{key} ({language})");
        }
    }

    [Fact]
    public void Resources_KeysBuiltFromEnumsAndRoles_AllExist()
    {
        var english = Strings(string.Empty);
        var keys = Enum.GetNames<PoliceRank>().Select(n => $"Rank.{n}")
            .Concat(Enum.GetNames<OfficerPosition>().Select(n => $"Position.{n}"))
            .Concat(Enum.GetNames<BeatImportProblem>().Select(n => $"Import.{n}"))
            .Concat(Enum.GetNames<IinProblem>().Select(n => $"Iin.{n}"))
            .Concat(Enum.GetNames<AssignInspectorResult>().Where(n => n != "Assigned" && n != "Forbidden").Select(n => $"Territory.{n}"))
            .Concat(Enum.GetNames<Rules.Territory.DemoCity.StreetKind>().SelectMany(n => new[] { $"Street.{n}", $"Address.{n}" }))
            .Concat(Roles.All.Select(r => $"Role.{r}"))
            .Concat(Enum.GetValues<Rules.BeatDesign.ProposalVerdict>().Select(v => $"DesignVerdict.{Web.Appeals.AppealText.ApiName(v)}"))
            .Concat(new[] { 400, 401, 403, 404, 415 }.Select(s => $"Problem.{s}"))
            .Concat(typeof(IdentityErrorDescriber).GetMethods()
                .Where(m => m.DeclaringType == typeof(IdentityErrorDescriber) && typeof(LocalizedIdentityErrorDescriber).GetMethod(m.Name)!.DeclaringType == typeof(LocalizedIdentityErrorDescriber))
                .Select(m => $"Identity.{m.Name}"));
        Assert.All(keys, key => Assert.True(english.ContainsKey(key), key));
    }
}
