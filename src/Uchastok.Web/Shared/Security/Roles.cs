namespace Uchastok.Web.Shared.Security;

/// <summary>The roles an account can hold; every module authorizes by them, so they stand on the shared floor.</summary>
public static class Roles
{
    public const string Resident = "Resident";
    public const string Inspector = "Inspector";
    public const string Supervisor = "Supervisor";
    public const string Partner = "Partner";
    public const string Admin = "Admin";
    /// <summary>The district's inspector for juveniles (инспектор по делам несовершеннолетних): reads the juvenile files of his district (C15).</summary>
    public const string JuvenileInspector = "JuvenileInspector";
    /// <summary>The district's officer of the women-protection unit (подразделение по защите прав женщин): reads the district's domestic-violence cases and their victims (C16).</summary>
    public const string WomenProtectionOfficer = "WomenProtectionOfficer";

    /// <summary>
    /// The duty officer of the district's duty unit (дежурная часть): works the live safety console of his district
    /// (issue 19) — takes, escalates and closes its reports and alarms — and reads the quick reports of his district;
    /// nothing else (no appeals queue, no prevention file, no protocols).
    /// </summary>
    public const string DutyOfficer = "DutyOfficer";

    /// <summary>
    /// The licensing-and-permits officer (лицензионно-разрешительная работа, issue 21): a city-wide position, not a
    /// district's. Reads and keeps the weapons registers (holders, permits, storage sites) of the whole city; nothing
    /// else (no appeals, prevention file or protocols).
    /// </summary>
    public const string Licensing = "Licensing";

    public static readonly string[] All = [Resident, Inspector, Supervisor, Partner, Admin, JuvenileInspector, WomenProtectionOfficer, DutyOfficer, Licensing];
    public static readonly string[] Staff = [Inspector, Supervisor, JuvenileInspector, WomenProtectionOfficer, DutyOfficer, Licensing, Partner, Admin];
    /// <summary>The positions that hold a district: an account in one of them cannot be made without its district.</summary>
    public static readonly string[] DistrictPositions = [Inspector, Supervisor, JuvenileInspector, WomenProtectionOfficer, DutyOfficer];
}
