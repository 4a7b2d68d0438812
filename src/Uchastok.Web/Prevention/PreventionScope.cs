using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Prevention;

/// <summary>
/// Who is asking, as <see cref="PreventionAccess"/> sees it: the position the account holds and its
/// scope, read afresh at every request (an inspector's beats from the territory, so a beat handed to
/// another inspector or a file moved away is out of reach at once).
/// </summary>
public sealed class PreventionScope(UchastokDbContext db)
{
    public async Task<PreventionActor> ActorAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true) return PreventionActor.Of(PreventionActorKind.Anonymous);
        if (user.IsInRole(Roles.Admin)) return PreventionActor.Of(PreventionActorKind.Admin);
        var district = ScopeClaims.District(user);
        if (user.IsInRole(Roles.Supervisor)) return PreventionActor.Of(PreventionActorKind.Supervisor, district);
        if (user.IsInRole(Roles.WomenProtectionOfficer)) return PreventionActor.Of(PreventionActorKind.WomenProtectionOfficer, district);
        if (user.IsInRole(Roles.JuvenileInspector)) return PreventionActor.Of(PreventionActorKind.JuvenileInspector, district);
        if (user.IsInRole(Roles.Inspector) && ScopeClaims.Officer(user) is { } officer)
        {
            var beats = await db.Beats.AsNoTracking().Where(b => b.InspectorId == officer).Select(b => b.Id).ToListAsync(cancellationToken);
            return new PreventionActor(PreventionActorKind.Inspector, beats.ToHashSet(), district);
        }
        return PreventionActor.Of(user.IsInRole(Roles.Partner) ? PreventionActorKind.Partner : PreventionActorKind.Resident);
    }

    /// <summary>The account's id, for the access log and the authors of events.</summary>
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The prevention file is read by signed-in staff only.");
}

/// <summary>
/// The encryption of the prevention file's sensitive fields (ADR 0010): IINs under one purpose, the free
/// text about a person (bases, notes, reasons, a victim's identity and contacts) under another, so a key
/// leaked for one kind decrypts nothing of the other.
/// </summary>
public sealed class PreventionProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _iin = provider.CreateProtector("Uchastok.Prevention.Iin");
    private readonly IDataProtector _text = provider.CreateProtector("Uchastok.Prevention.Text");

    public string ProtectIin(string iin) => _iin.Protect(iin);
    public string UnprotectIin(string protectedIin) => _iin.Unprotect(protectedIin);

    public string ProtectText(string text) => _text.Protect(text);
    public string? ProtectTextOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : _text.Protect(text.Trim());
    public string? UnprotectText(string? protectedText) => protectedText is null ? null : _text.Unprotect(protectedText);
}
