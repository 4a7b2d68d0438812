using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

public sealed record TipResult(Tip? Tip, FieldErrors Errors)
{
    public bool Succeeded => Tip is not null;
}

/// <summary>
/// Takes an anonymous report of an offence. With no applicant there is nobody to answer, so it
/// does not enter the appeal lifecycle: it lands on the district's duty list for the supervisor.
/// Nothing about the sender is kept, not even the account of a signed-in resident.
/// </summary>
public sealed class SubmitTipCommand(UchastokDbContext db, AppealPlaces places, AppealCatalog catalog, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<SubmitTipCommand> logger)
{
    public async Task<TipResult> ExecuteAsync(TipInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var category = (await catalog.CategoriesAsync(cancellationToken)).FirstOrDefault(c => c.Id == input.CategoryId && c.IsActive);
        if (category is null) errors.Add("categoryId", localizer["Appeal.CategoryRequired"]);
        var text = Shared.Web.InputText.Printable(input.Text)?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("text", localizer["Appeal.TextRequired"]);
        else if (text.Length > AppealInput.MaxTextLength) errors.Add("text", localizer["Appeal.TextTooLong", AppealInput.MaxTextLength]);
        var place = await places.ResolveAsync(input.Lat, input.Lon, input.AddressId, input.AddressText, input.DistrictId, errors, cancellationToken);
        if (errors.Count > 0) return new(null, errors);

        var tip = new Tip
        {
            DistrictId = place!.DistrictId!.Value, BeatId = place.Beat?.BeatId, CategoryId = category!.Id, Text = text!,
            Latitude = place.Latitude, Longitude = place.Longitude, AddressText = place.AddressLine, ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Tips.Add(tip);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Anonymous tip {Id} for district {District}", tip.Id, tip.DistrictId);
        return new(tip, errors);
    }
}
