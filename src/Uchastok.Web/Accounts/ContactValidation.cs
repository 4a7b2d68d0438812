using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Identity;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Checks a person's name, e-mail, phone and optional IIN the same way wherever they are typed
/// (registration, staff accounts, an appeal's applicant), with messages in the user's language.
/// </summary>
public static partial class ContactValidation
{
    public static string? Name(string? text, string field, IStringLocalizer localizer, FieldErrors errors)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(field, localizer["Account.NameRequired"]);
        else if (name.Length > 200) errors.Add(field, localizer["Account.NameTooLong"]);
        return name;
    }

    /// <summary>At least one of e-mail and phone, each well-formed; the phone normalised to +77XXXXXXXXX.</summary>
    public static (string? Email, string? Phone) Contacts(string? emailText, string? phoneText, IStringLocalizer localizer, FieldErrors errors)
    {
        string? email = null;
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(emailText))
        {
            email = emailText.Trim();
            if (email.Length > 256 || !EmailPattern().IsMatch(email)) errors.Add("email", localizer["Account.EmailInvalid"]);
        }
        if (!string.IsNullOrWhiteSpace(phoneText))
        {
            phone = NormalizePhone(phoneText);
            if (phone is null) errors.Add("phone", localizer["Account.PhoneInvalid"]);
        }
        if (string.IsNullOrWhiteSpace(emailText) && string.IsNullOrWhiteSpace(phoneText))
            errors.Add("email", localizer["Account.EmailOrPhoneRequired"]);
        return (email, phone);
    }

    /// <summary>The IIN if one was typed and it is valid; null (with an error if it was typed) otherwise.</summary>
    public static string? OptionalIin(string? text, IStringLocalizer localizer, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var iin = text.Trim();
        var problem = Iin.Validate(iin);
        if (problem == IinProblem.None) return iin;
        errors.Add("iin", localizer[$"Iin.{problem}"]);
        return null;
    }

    /// <summary>A Kazakhstan number as +77XXXXXXXXX: accepts 8 7XX…, +7 (7XX) …, spaces and dashes.</summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] is '8' or '7') digits = "7" + digits[1..];
        else if (digits.Length == 10) digits = "7" + digits;
        // Every Kazakhstan number, mobile or fixed, is +7 7XX…; +7 9XX is Russia, which residents cannot be reached on by SMS here.
        return digits.Length == 11 && digits[0] == '7' && digits[1] == '7' ? "+" + digits : null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
