namespace Uchastok.Rules.Weapons;

/// <summary>
/// When the beat's inspector is told that a permit is about to expire. The number of days is an administrator's
/// setting (<c>Weapons:PermitExpiryReminderDays</c>): the document gives no term, so with no setting nobody is reminded.
/// </summary>
public static class PermitExpiry
{
    /// <summary>Whether a permit valid to <paramref name="validTo"/> is due its reminder today: from that many days before, until the day it expires.</summary>
    public static bool ReminderDue(DateOnly validTo, DateOnly today, int? reminderDays) =>
        reminderDays is { } days && days >= 0 && today <= validTo && today >= validTo.AddDays(-days);

    /// <summary>The last expiry date a reminder is due for today, so that a query can ask for "valid to between today and this".</summary>
    public static DateOnly? LastExpiryRemindedOn(DateOnly today, int? reminderDays) =>
        reminderDays is { } days && days >= 0 ? today.AddDays(days) : null;

    /// <summary>The key that makes a reminder go once per permit and expiry date: a permit renewed to a new date is reminded again.</summary>
    public static string DedupeKey(long weaponId, DateOnly validTo, string userId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"weapons-permit-expiry:{weaponId}:{validTo:yyyy-MM-dd}:{userId}");

    /// <summary>Whether a permit has expired by today.</summary>
    public static bool Expired(DateOnly validTo, DateOnly today) => validTo < today;
}
