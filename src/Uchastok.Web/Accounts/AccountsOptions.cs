namespace Uchastok.Web.Accounts;

/// <summary>Deployment settings of the Accounts module (configuration section <c>Accounts</c>).</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// <c>Accounts:ShiftLength</c>: how long a staff member's session lasts from sign-in (issue 18: "a session lasts one
    /// shift" on a shared tablet), by cookie or by bearer token, whatever the sliding cookie or a refresh would give.
    /// The sources name no length of a shift; 12 hours, the longest shift in common use (day and night shifts of 12 hours),
    /// is only the default, and a deployment sets its own ("08:00:00" for eight-hour shifts).
    /// </summary>
    public TimeSpan ShiftLength { get; set; } = TimeSpan.FromHours(12);
}
