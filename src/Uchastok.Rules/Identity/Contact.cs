namespace Uchastok.Rules.Identity;

/// <summary>E-mail addresses and phone numbers as shown to anyone but their owner's own messages.</summary>
public static class Contact
{
    /// <summary>
    /// Enough of the address for its owner to recognise it, and for staff to tell two apart, but not
    /// to write to it: a***@mail.kz, +7701***4433. Anything short is hidden whole.
    /// </summary>
    public static string Mask(string address)
    {
        var at = address.IndexOf('@');
        if (at > 0) return string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
        return address.Length > 8 ? string.Concat(address.AsSpan(0, 5), "***", address.AsSpan(address.Length - 4)) : "***";
    }
}
