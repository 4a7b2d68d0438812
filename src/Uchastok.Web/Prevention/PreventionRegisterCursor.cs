using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Uchastok.Web.Prevention;

/// <summary>Where a register page ends in name order: the last person's name and id.</summary>
public sealed record PreventionRegisterPosition(string FullName, long Id);

/// <summary>
/// The register's <c>after</c> cursor: the last row's name and id, encrypted and signed by the app's data-protection keys.
/// Why the name travels in it: a page after a bare id has to read that id's name first, one more query on every
/// page but the first (the benchmark measured the deep pages a fifth slower than the first); with the name in the
/// cursor every page is the same single range read. Why it is encrypted: the cursor sits in addresses that browsers,
/// tablets and proxies may log, and a name on the preventive register must not be readable there. A cursor tells its
/// holder nothing he was not shown, and one he did not get from the server is refused, so it cannot probe where a
/// stranger's name falls either.
/// </summary>
public sealed class PreventionRegisterCursor(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Uchastok.Prevention.RegisterCursor.v1");

    public string Protect(PreventionRegisterPosition position) =>
        protector.Protect(position.Id.ToString(CultureInfo.InvariantCulture) + "\n" + position.FullName);

    /// <summary>The position a cursor names, or null when it was not made by this app (or by a key since retired).</summary>
    public PreventionRegisterPosition? Read(string cursor)
    {
        string plain;
        try { plain = protector.Unprotect(cursor); }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
        var newline = plain.IndexOf('\n');
        return newline > 0 && long.TryParse(plain.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new PreventionRegisterPosition(plain[(newline + 1)..], id)
            : null;
    }
}
