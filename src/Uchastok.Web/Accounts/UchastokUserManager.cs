using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Uchastok.Web.Accounts;

/// <summary>
/// Identity's account manager, which also forgets the account's sessions this node remembers as open
/// (<see cref="OpenSessionCache"/>) whenever it saves the account: every change of the security stamp
/// — a new password, a reset, a change of roles — goes through <see cref="UpdateUserAsync"/>, and ends
/// the sessions opened under the old stamp.
/// </summary>
public sealed class UchastokUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    OpenSessionCache sessions)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        try
        {
            return await base.UpdateUserAsync(user);
        }
        finally
        {
            sessions.ForgetAccount(user.Id);
        }
    }
}
