using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Identity;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Accounts;

/// <summary>Field-level problems in the user's language, keyed by the input's name (camelCase, as in the JSON API).</summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}

public sealed record RegisterResidentInput(string? DisplayName, string? Email, string? Phone, string? Password, string? Iin, string? Language);

public sealed record CreateStaffInput(string? DisplayName, string? Email, string? Phone, string? Password, string? Role, int? DistrictId, int? OfficerId);

public sealed record AccountResult(ApplicationUser? User, FieldErrors Errors)
{
    public bool Succeeded => User is not null && Errors.Count == 0;
}

/// <summary>
/// Creating accounts: residents register themselves (e-mail or phone, IIN optional and checked);
/// staff accounts are made by an administrator, in a district and tied to an officer record.
/// The IIN is kept encrypted, and only its masked form is stored readable.
/// </summary>
public sealed partial class AccountCommands(
    UserManager<ApplicationUser> users,
    UchastokDbContext db,
    IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock)
{
    public const string IinProtectionPurpose = "Uchastok.Accounts.Iin";

    public async Task<AccountResult> RegisterResidentAsync(RegisterResidentInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (email, phone) = ValidateContacts(input.Email, input.Phone, errors);
        var name = ValidateName(input.DisplayName, errors);
        string? iin = null;
        if (!string.IsNullOrWhiteSpace(input.Iin))
        {
            iin = input.Iin.Trim();
            var problem = Iin.Validate(iin);
            if (problem != IinProblem.None) errors.Add("iin", localizer[$"Iin.{problem}"]);
        }
        if (string.IsNullOrEmpty(input.Password)) errors.Add("password", localizer["Account.PasswordRequired"]);
        if (errors.Count > 0) return new(null, errors);

        var user = NewUser(name!, email, phone);
        user.PreferredLanguage = input.Language is "ru" or "en" or "kk" ? input.Language : "kk";
        if (iin is not null)
        {
            user.ProtectedIin = protection.CreateProtector(IinProtectionPurpose).Protect(iin);
            user.MaskedIin = Iin.Mask(iin);
        }
        return await CreateAsync(user, input.Password!, Roles.Resident, errors, cancellationToken);
    }

    public async Task<AccountResult> CreateStaffAsync(CreateStaffInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (email, phone) = ValidateContacts(input.Email, input.Phone, errors);
        if (email is null && !errors.ContainsKey("email")) errors.Add("email", localizer["Account.StaffEmailRequired"]);
        var name = ValidateName(input.DisplayName, errors);
        if (input.Role is not (Roles.Inspector or Roles.Supervisor or Roles.Partner or Roles.Admin))
            errors.Add("role", localizer["Account.UnknownRole"]);
        if (input.Role is Roles.Inspector or Roles.Supervisor && input.DistrictId is null)
            errors.Add("districtId", localizer["Account.DistrictRequired"]);
        if (input.DistrictId is { } districtId && !await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken))
            errors.Add("districtId", localizer["Account.UnknownDistrict"]);
        if (input.OfficerId is { } officerId)
        {
            var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken);
            if (officer is null) errors.Add("officerId", localizer["Account.UnknownOfficer"]);
            else if (officer.DistrictId != input.DistrictId) errors.Add("officerId", localizer["Account.OfficerInAnotherDistrict"]);
            else if (await users.Users.AnyAsync(u => u.OfficerId == officerId, cancellationToken))
                errors.Add("officerId", localizer["Account.OfficerHasAccount"]);
        }
        if (string.IsNullOrEmpty(input.Password)) errors.Add("password", localizer["Account.PasswordRequired"]);
        if (errors.Count > 0) return new(null, errors);

        var user = NewUser(name!, email, phone);
        user.DistrictId = input.DistrictId;
        user.OfficerId = input.OfficerId;
        return await CreateAsync(user, input.Password!, input.Role!, errors, cancellationToken);
    }

    /// <summary>Finds an account by e-mail or by phone number, whichever the person typed.</summary>
    public async Task<ApplicationUser?> FindByLoginAsync(string? login)
    {
        if (string.IsNullOrWhiteSpace(login)) return null;
        var trimmed = login.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal)) return await users.FindByEmailAsync(trimmed);
        var phone = NormalizePhone(trimmed);
        return phone is null ? null : await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == phone);
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

    private async Task<AccountResult> CreateAsync(ApplicationUser user, string password, string role, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (user.PhoneNumber is { } phone && await users.Users.AnyAsync(u => u.PhoneNumber == phone, cancellationToken))
        {
            errors.Add("phone", localizer["Account.PhoneTaken"]);
            return new(null, errors);
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            return new(null, errors);
        }
        await users.AddToRoleAsync(user, role);
        return new(user, errors);
    }

    private ApplicationUser NewUser(string name, string? email, string? phone) => new()
    {
        DisplayName = name,
        UserName = email ?? phone,
        Email = email,
        PhoneNumber = phone,
        CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    private string? ValidateName(string? displayName, FieldErrors errors)
    {
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("displayName", localizer["Account.NameRequired"]);
        else if (name.Length > 200) errors.Add("displayName", localizer["Account.NameTooLong"]);
        return name;
    }

    private (string? Email, string? Phone) ValidateContacts(string? emailText, string? phoneText, FieldErrors errors)
    {
        string? email = null;
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(emailText))
        {
            email = emailText.Trim();
            if (!EmailPattern().IsMatch(email)) errors.Add("email", localizer["Account.EmailInvalid"]);
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

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
