using Microsoft.AspNetCore.Identity;

namespace Uchastok.Web.Accounts;

/// <summary>Everyone who signs in: residents, inspectors, supervisors, partners, administrators.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>The IIN encrypted with Data Protection; only its masked form is ever shown.</summary>
    public string? ProtectedIin { get; set; }
    public string? MaskedIin { get; set; }
    public string PreferredLanguage { get; set; } = "kk";
    /// <summary>The district a supervisor heads or an inspector serves in; the scope of staff actions.</summary>
    public int? DistrictId { get; set; }
    /// <summary>The officer record a staff account belongs to.</summary>
    public int? OfficerId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Who looked at whose personal data, when, and why (Law No. 94-V on personal data).</summary>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }
    public required string ReaderUserId { get; set; }
    public string? SubjectUserId { get; set; }
    public required string Purpose { get; set; }
    public DateTime AtUtc { get; set; }
}

public static class Roles
{
    public const string Resident = "Resident";
    public const string Inspector = "Inspector";
    public const string Supervisor = "Supervisor";
    public const string Partner = "Partner";
    public const string Admin = "Admin";

    public static readonly string[] All = [Resident, Inspector, Supervisor, Partner, Admin];
    public static readonly string[] Staff = [Inspector, Supervisor, Partner, Admin];
}
