using Microsoft.AspNetCore.DataProtection;

namespace Uchastok.Web.Weapons;

/// <summary>The holders' IINs encrypted under a purpose of their own (ADR 0010): a key of the prevention file does not open them.</summary>
public sealed class WeaponsProtection(IDataProtectionProvider provider)
{
    /// <summary>The keyed hash's kind: a holder's IIN hash cannot be joined to the prevention register's or an account's.</summary>
    public const string IinHashKind = "weapons-iin";

    private readonly IDataProtector _iin = provider.CreateProtector("Uchastok.Weapons.Iin");

    public string ProtectIin(string iin) => _iin.Protect(iin);
    public string UnprotectIin(string protectedIin) => _iin.Unprotect(protectedIin);
}
