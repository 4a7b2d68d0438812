using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Accounts;

public sealed record RegisterResidentInput(string? DisplayName, string? Email, string? Phone, string? Password, string? Iin, string? Language);

public sealed record CreateStaffInput(string? DisplayName, string? Email, string? Phone, string? Password, string? Role, int? DistrictId, int? OfficerId)
{
    /// <summary>Optional: the officer's IIN, which the protocols' rules compare with a witness's (a police officer cannot attest).</summary>
    public string? Iin { get; init; }
}

public sealed record AccountResult(ApplicationUser? User, FieldErrors Errors)
{
    public bool Succeeded => User is not null && Errors.Count == 0;
}

/// <summary>
/// Creating accounts: residents register themselves (e-mail or phone, IIN optional and checked);
/// staff accounts are made by an administrator, in a district and tied to an officer record.
/// The IIN is kept encrypted, and only its masked form is stored readable.
/// </summary>
public sealed class AccountCommands(
    UserManager<ApplicationUser> users,
    UchastokDbContext db,
    AccountIins iins,
    IStringLocalizer<SharedResource> localizer,
    OfficerAccounts officerAccounts,
    TimeProvider clock)
{
    public const string IinProtectionPurpose = "Uchastok.Accounts.Iin";

    public async Task<AccountResult> RegisterResidentAsync(RegisterResidentInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (email, phone) = ContactValidation.Contacts(input.Email, input.Phone, localizer, errors);
        var name = ContactValidation.Name(input.DisplayName, "displayName", localizer, errors);
        var iin = ContactValidation.OptionalIin(input.Iin, localizer, errors);
        if (string.IsNullOrEmpty(input.Password)) errors.Add("password", localizer["Account.PasswordRequired"]);
        if (errors.Count > 0) return new(null, errors);

        var user = NewUser(name!, email, phone);
        user.PreferredLanguage = input.Language is "ru" or "en" or "kk" ? input.Language : "kk";
        if (iin is not null) await iins.SetAsync(user, iin, cancellationToken);
        return await CreateAsync(user, input.Password!, Roles.Resident, errors, cancellationToken);
    }

    public async Task<AccountResult> CreateStaffAsync(CreateStaffInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var (email, phone) = ContactValidation.Contacts(input.Email, input.Phone, localizer, errors);
        if (email is null && !errors.ContainsKey("email")) errors.Add("email", localizer["Account.StaffEmailRequired"]);
        var name = ContactValidation.Name(input.DisplayName, "displayName", localizer, errors);
        var iin = ContactValidation.OptionalIin(input.Iin, localizer, errors);
        if (input.Role is null || input.Role == Roles.Resident || !Roles.Staff.Contains(input.Role))
            errors.Add("role", localizer["Account.UnknownRole"]);
        if (input.Role is not null && Roles.DistrictPositions.Contains(input.Role) && input.DistrictId is null)
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
        if (iin is not null) await iins.SetAsync(user, iin, cancellationToken);
        var result = await CreateAsync(user, input.Password!, input.Role!, errors, cancellationToken);
        if (result.Succeeded) officerAccounts.Invalidate();
        return result;
    }

    /// <summary>Finds an account by e-mail or by phone number, whichever the person typed.</summary>
    public async Task<ApplicationUser?> FindByLoginAsync(string? login)
    {
        if (string.IsNullOrWhiteSpace(login)) return null;
        var trimmed = login.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal)) return await users.FindByEmailAsync(trimmed);
        var phone = ContactValidation.NormalizePhone(trimmed);
        return phone is null ? null : await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == phone);
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

}
