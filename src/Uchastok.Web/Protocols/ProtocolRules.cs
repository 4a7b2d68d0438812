using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Protocols;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Protocols;

/// <summary>The rule set as evaluated here and served to the tablet: the embedded file with the administrator's offence articles merged in.</summary>
public sealed record ProtocolRules(ProtocolRuleSet RuleSet, JsonObject Json);

/// <summary>
/// Builds <see cref="ProtocolRules"/> from the embedded file and <c>protocols_offence_articles</c> (ADR 0012 §6),
/// so the same refusal of an unconfigured offence happens here and, from the same merged file, on the tablet.
/// </summary>
public sealed class ProtocolRuleSource(UchastokDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public const string OffencesList = "offences";

    public async Task<ProtocolRules> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var articles = await db.ProtocolOffenceArticles.AsNoTracking().OrderBy(a => a.OffenceCode).ToListAsync(cancellationToken);
        var ruleSet = ProtocolRuleSet.Default;
        var json = JsonNode.Parse(ProtocolRuleSet.DefaultJson())!.AsObject();
        var offences = json["lists"]![OffencesList]!["values"]!.AsArray();
        foreach (var article in articles)
        {
            // An article kept for an offence since removed from the file is left out, not an error: the file decides what exists.
            if (!ruleSet.Lists[OffencesList].Entries.Any(e => e.Code == article.OffenceCode)) continue;
            ruleSet = ruleSet.WithEntryField(OffencesList, article.OffenceCode, "article", article.Article)
                .WithEntryField(OffencesList, article.OffenceCode, "articleSource", article.Source);
            var entry = offences.Single(v => v!["code"]!.GetValue<string>() == article.OffenceCode)!.AsObject();
            entry["article"] = article.Article;
            entry["articleSource"] = article.Source;
        }
        return new ProtocolRules(ruleSet, json);
    }

    /// <summary>The text of every missing-element and refusal code in the current language, as the tablet shows them offline.</summary>
    public ProtocolTexts Texts(ProtocolRuleSet ruleSet) => new(
        ruleSet.Codes(refusals: false).ToDictionary(code => code, code => localizer[$"Protocol.Missing.{code}"].Value, StringComparer.Ordinal),
        ruleSet.Codes(refusals: true).Append(ProtocolChecks.UnknownType).Distinct()
            .ToDictionary(code => code, code => localizer[$"Protocol.Refused.{code}"].Value, StringComparer.Ordinal));
}

/// <summary>The texts of the codes: what is missing, what is refused.</summary>
public sealed record ProtocolTexts(IReadOnlyDictionary<string, string> Missing, IReadOnlyDictionary<string, string> Refused);
