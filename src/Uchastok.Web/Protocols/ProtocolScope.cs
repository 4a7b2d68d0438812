using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Protocols;

/// <summary>
/// Who may do what with protocols (issue 18): officers with a district position draw them up; the drafter,
/// the supervisor of the protocol's district and the administrator read them; nobody else learns that one
/// exists (404). The administrator reads and never drafts.
/// </summary>
public static class ProtocolScope
{
    /// <summary>The positions that draw up protocols on the street; the supervisor heads them and reads, the administrator reads.</summary>
    public static readonly string[] DrafterRoles = [Roles.Inspector, Roles.JuvenileInspector, Roles.WomenProtectionOfficer];

    public static bool MayDraft(ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Admin) && DrafterRoles.Any(user.IsInRole) && ScopeClaims.District(user) is not null;

    /// <summary>Whether the caller may see the protocol's content at all.</summary>
    public static bool MayRead(ClaimsPrincipal user, Protocol protocol) =>
        IsDrafter(user, protocol) || ScopeClaims.ManagesDistrict(user, protocol.DistrictId);

    public static bool IsDrafter(ClaimsPrincipal user, Protocol protocol) => protocol.DrafterUserId == UserIdOrNull(user);

    /// <summary>Whether the caller sees the rule set: whoever drafts or reads protocols.</summary>
    public static bool MaySeeRules(ClaimsPrincipal user) =>
        MayDraft(user) || user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) is not null);

    public static string? UserIdOrNull(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string UserId(ClaimsPrincipal user) =>
        UserIdOrNull(user) ?? throw new InvalidOperationException("Protocols are used by signed-in staff only.");
}

/// <summary>
/// The encryption of a protocol's content (ADR 0010): the document and the addenda's text under one purpose,
/// the signature images under another, so a key leaked for one kind decrypts nothing of the other.
/// </summary>
public sealed class ProtocolProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _text = provider.CreateProtector("Uchastok.Protocols.Text");
    private readonly IDataProtector _images = provider.CreateProtector("Uchastok.Protocols.Signatures");

    public string ProtectText(string text) => _text.Protect(text);
    public string UnprotectText(string protectedText) => _text.Unprotect(protectedText);
    public byte[] ProtectImage(byte[] image) => _images.Protect(image);
    public byte[] UnprotectImage(byte[] protectedImage) => _images.Unprotect(protectedImage);
}
