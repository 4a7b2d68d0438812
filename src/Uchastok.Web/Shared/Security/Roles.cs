namespace Uchastok.Web.Shared.Security;

/// <summary>The roles an account can hold; every module authorizes by them, so they stand on the shared floor.</summary>
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
