using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Protocols;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Pages.Protocols;

/// <summary>
/// One protocol in full for its drafter, his district's supervisor and the administrator (404 for anyone else):
/// read through <see cref="ProtocolRegister.ReadAsync"/>, the API's query, so the read is logged with its purpose
/// the same way; every element labelled in the reader's language, the witnesses, the items, the signatures as
/// drawn (data: images) or refused with the reason, the hash, the addenda with theirs, and the printed copies.
/// </summary>
public sealed class DetailModel(ProtocolRegister register, ProtocolDrafters drafters, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The purpose the personal-data log records for a read on this page.</summary>
    public const string ReadPurpose = "protocol read on its page";

    public ProtocolView View { get; private set; } = null!;
    public ProtocolLayoutView Layout { get; private set; } = null!;
    public string Officer { get; private set; } = "—";
    public string TypeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var view = await register.ReadAsync(User, id, ReadPurpose, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        var language = LocalizationSetup.CurrentLanguage;
        Layout = ProtocolLayout.Of(view.Document, language, localizer);
        TypeName = ProtocolLayout.TypeName(view.Protocol.Type, language);
        if ((await drafters.NamesAsync([view.Protocol.DrafterUserId], cancellationToken)).TryGetValue(view.Protocol.DrafterUserId, out var name)) Officer = name;
        return Page();
    }
}
