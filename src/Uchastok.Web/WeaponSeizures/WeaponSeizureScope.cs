using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.WeaponSeizures;

/// <summary>
/// Who may do what with seizures (issue 21): they are staff records. The beat's inspector records the seizures on his
/// beats and reads them (and those he recorded himself); the district's supervisor records and reads his district's; the
/// administrator reads every district's and records none. Everyone else gets "not found", as for protocols: that a
/// seizure exists is itself not for them.
/// </summary>
public static class WeaponSeizureScope
{
    /// <summary>
    /// Roles that read seizures without recording any: of their own district, or of all when the account holds none.
    /// The licensing officer is city-wide, so he reads every district's: the seizures are the other side of the
    /// permits he keeps (a seized firearm is checked against the register).
    /// </summary>
    public static readonly string[] ReadOnlyRoles = [Roles.Licensing];

    /// <summary>Whether the caller records seizures at all: an inspector with his officer record, a supervisor with his district.</summary>
    public static bool MayRecord(ClaimsPrincipal user) =>
        (user.IsInRole(Roles.Inspector) && ScopeClaims.Officer(user) is not null && ScopeClaims.District(user) is not null)
        || (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) is not null);

    /// <summary>Whether the caller reads without recording (the administrator, the read-only roles).</summary>
    public static bool ReadsOnly(ClaimsPrincipal user) => !MayRecord(user) && (user.IsInRole(Roles.Admin) || ReadOnlyRoles.Any(user.IsInRole));

    /// <summary>Whether the caller may record a seizure at a place on this beat.</summary>
    public static bool MayRecordOn(ClaimsPrincipal user, Beat beat) =>
        (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == beat.DistrictId)
        || ScopeClaims.IsInspector(user, beat.InspectorId);

    /// <summary>The districts whose figures the caller sees on the dashboard: null for all; empty for none.</summary>
    public static IReadOnlySet<int>? DashboardDistricts(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return null;
        if (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) is { } own) return new HashSet<int> { own };
        if (ReadOnlyRoles.Any(user.IsInRole)) return ScopeClaims.District(user) is { } district ? new HashSet<int> { district } : null;
        return new HashSet<int>();
    }

    /// <summary>Whether the caller reads this seizure.</summary>
    public static bool MayRead(ClaimsPrincipal user, WeaponSeizure seizure, int? beatInspectorId)
    {
        if (seizure.RecordedByUserId == UserIdOrNull(user)) return true;
        if (ScopeClaims.IsInspector(user, beatInspectorId)) return true;
        return DashboardDistricts(user) is not { } districts || districts.Contains(seizure.DistrictId);
    }

    public static string? UserIdOrNull(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string UserId(ClaimsPrincipal user) =>
        UserIdOrNull(user) ?? throw new InvalidOperationException("Seizures are used by signed-in staff only.");
}

/// <summary>The encryption of a seizure's place (ADR 0010), under a purpose of its own.</summary>
public sealed class WeaponSeizureProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _place = provider.CreateProtector("Uchastok.WeaponSeizures.Place");

    public string Protect(string text) => _place.Protect(text);
    public string Unprotect(string protectedText) => _place.Unprotect(protectedText);
}
