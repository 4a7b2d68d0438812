using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Protocols;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>One offence of the rule set, with the article and source the administrator set (empty until he does).</summary>
public sealed record ProtocolOffenceRow(string Code, string Name, string Article, string Source);

/// <summary>
/// The administrator's articles for the offences the rule set lists without one (ADR 0012 §6): the same command as
/// <c>PUT /api/v1/protocols/offences/{code}</c>, so a refused article is refused here with the same messages, and
/// until an offence has one a protocol for it cannot be signed.
/// </summary>
public sealed class ProtocolOffencesModel(ProtocolRuleSource rules, ProtocolRegister register, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ProtocolOffenceRow> Offences { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    /// <summary>The offence whose form was refused, and what was typed in it.</summary>
    public ProtocolOffenceRow? Failed { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Offences = await ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? code, string? article, string? source, CancellationToken cancellationToken)
    {
        var errors = await register.SetOffenceArticleAsync(User, code ?? "", new OffenceArticleRequest(article, source), cancellationToken);
        if (errors is null) return NotFound();
        if (errors.Count > 0)
        {
            Errors = errors;
            Failed = new ProtocolOffenceRow(code!, "", article ?? "", source ?? "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else Message = localizer["ProtocolOffences.Saved"].Value;
        Offences = await ListAsync(cancellationToken);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<IReadOnlyList<ProtocolOffenceRow>> ListAsync(CancellationToken cancellationToken)
    {
        var current = await rules.CurrentAsync(cancellationToken);
        var language = LocalizationSetup.CurrentLanguage;
        return current.RuleSet.Lists[ProtocolRuleSource.OffencesList].Entries.Select(e => new ProtocolOffenceRow(
            e.Code, ProtocolLayout.ListName(ProtocolRuleSource.OffencesList, e.Code, language), Field(e.Fields, "article"), Field(e.Fields, "articleSource"))).ToList();
    }

    private static string Field(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
