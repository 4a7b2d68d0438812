using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Pages.Admin;

/// <summary>Administrators create staff accounts; residents register themselves.</summary>
public sealed class StaffModel(
    AccountCommands accounts, StaffDirectory directory, TerritoryQueries queries, PasswordSignIn passwordSignIn,
    Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public StaffForm Input { get; set; } = new();
    public FieldErrors Errors { get; private set; } = [];
    public string? Created { get; private set; }
    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];
    public List<StaffMember> Staff { get; private set; } = [];
    /// <summary>Staff whose sign-in is locked from some network after failed attempts.</summary>
    public HashSet<string> Locked { get; private set; } = [];
    public string? Unlocked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.CreateStaffAsync(
            new CreateStaffInput(Input.DisplayName, Input.Email, Input.Phone, Input.Password, Input.Role, Input.DistrictId, Input.OfficerId) { Iin = Input.Iin }, cancellationToken);
        if (result.Succeeded)
        {
            Created = localizer["Staff.Created", result.User!.DisplayName];
            Input = new StaffForm();
        }
        else
        {
            Errors = result.Errors;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Lifts the account's sign-in locks, from every network.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        await passwordSignIn.UnlockAsync(user, cancellationToken);
        Unlocked = localizer["Staff.Unlocked", user.DisplayName];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Locked = await passwordSignIn.LockedAccountsAsync(cancellationToken);
        Districts = await queries.ListDistrictsAsync(cancellationToken);
        Staff = await directory.ListAsync(User, cancellationToken);
    }

    public sealed class StaffForm
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Iin { get; set; }
        public string? Password { get; set; }
        public string? Role { get; set; } = Roles.Inspector;
        public int? DistrictId { get; set; }
        public int? OfficerId { get; set; }
    }
}
