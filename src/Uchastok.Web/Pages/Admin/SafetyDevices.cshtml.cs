using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Safety;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>
/// SOS devices (issue 19): registered, given a new key, revoked — each change after a confirmation step that needs no
/// script. A new key is shown once: the post redirects, and the key rides to the next page in TempData (a cookie the data
/// protection key ring encrypts, deleted when read), so a reload or the back button shows it no more and it is never
/// stored on the server. The page is sent no-store so no cache keeps it either.
/// </summary>
public sealed class SafetyDevicesModel(SafetyDeviceRegistry registry, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record ShownKey(string Name, string Key, string Authorization);

    public sealed record Confirmation(SafetyDeviceView Device, bool Revoke);

    public IReadOnlyList<SafetyDeviceView> Devices { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public SafetyDeviceInput Input { get; private set; } = new(null, null, null, null, null);
    public string? LatText { get; private set; }
    public string? LonText { get; private set; }
    public ShownKey? NewKey { get; private set; }
    public Confirmation? Confirm { get; private set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? KeyName { get; set; }
    [TempData] public string? KeyValue { get; set; }
    [TempData] public string? KeyHeader { get; set; }

    public async Task<IActionResult> OnGetAsync(string? confirm, int? id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (KeyName is not null && KeyValue is not null && KeyHeader is not null) NewKey = new ShownKey(KeyName, KeyValue, KeyHeader);
        Devices = await registry.ListAsync(cancellationToken);
        if (confirm is "revoke" or "key" && id is { } deviceId)
        {
            if (Devices.FirstOrDefault(d => d.Id == deviceId && d.RevokedAtUtc is null) is not { } device) return NotFound();
            Confirm = new Confirmation(device, confirm == "revoke");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(string? kind, string? name, string? place, string? lat, string? lon, bool hasCamera, bool hasSpeaker, CancellationToken cancellationToken)
    {
        (LatText, LonText) = (lat, lon);
        Input = new SafetyDeviceInput(kind, name, place, Number(lat), Number(lon), hasCamera, hasSpeaker);
        var (created, errors) = await registry.RegisterAsync(Input, User, cancellationToken);
        if (created is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Response.Headers.CacheControl = "no-store";
            Devices = await registry.ListAsync(cancellationToken);
            return Page();
        }
        Show(created, localizer["SafetyDevices.Registered.Message", created.Device.Name]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostKeyAsync(int id, CancellationToken cancellationToken)
    {
        if (await registry.NewKeyAsync(id, User, cancellationToken) is not { } created) return NotFound();
        Show(created, localizer["SafetyDevices.KeyReplaced", created.Device.Name]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await registry.RevokeAsync(id, User, cancellationToken)) return NotFound();
        Message = localizer["SafetyDevices.Revoked"];
        return RedirectToPage();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void Show(SafetyDeviceKeyView created, string message)
    {
        Message = message;
        (KeyName, KeyValue, KeyHeader) = (created.Device.Name, created.Key, created.Authorization);
    }

    /// <summary>Decimal degrees with a dot (a comma is refused as everywhere, see <c>Coordinates</c>); null when not a number, which the registry refuses.</summary>
    private static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
