using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Refuses the 10,000 most common passwords (<c>CommonPasswords.txt</c>, see <c>CommonPasswords.md</c>
/// for its source and licence), whatever their letter case: they are the first an attacker tries.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<ApplicationUser>
{
    public const string Code = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = localizer["Identity.PasswordTooCommon"] })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Uchastok.Web.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
