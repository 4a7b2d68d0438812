using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Prevention;

/// <summary>
/// The juvenile records of C15: minors taken home (whom, to whom, when, by whom) and the places where groups
/// of minors gather, a point layer for staff only. Juvenile work is read and written by the beat's
/// inspector, the district's juvenile inspector and supervisor (the administrator reads); everyone else
/// gets nothing, as for the register (<see cref="PreventionAccess"/> with a juvenile scope). Names are encrypted
/// and every list that shows them is logged.
/// </summary>
public sealed class JuvenileRecords(
    UchastokDbContext db, PreventionScope scope, PreventionProtection protection, TerritoryQueries territory, PersonalDataLog log,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public async Task<(JuvenileDeliveryView? Delivery, FieldErrors Errors, PreventionWriteResult Result)> RecordDeliveryAsync(ClaimsPrincipal user, JuvenileDeliveryRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var actor = await scope.ActorAsync(user, cancellationToken);
        if (!Sees(actor)) return (null, errors, PreventionWriteResult.NotFound);
        foreach (var error in JuvenileRules.ValidateDelivery(new JuvenileDeliveryInput(input.MinorName, input.MinorBirthDate, input.Reason, input.FoundAt, input.DeliveredTo, input.DeliveredAt, input.DeliveredBy), clock.GetUtcNow()))
        {
            if (error is { Field: "minorBirthDate", Problem: PreventionProblem.OutOfRange }) errors.Add(error.Field, localizer["Prevention.NotAMinor"]);
            else PreventionMessages.Add(localizer, errors, error);
        }
        var beat = input.BeatId is { } beatId ? await db.Beats.AsNoTracking().SingleOrDefaultAsync(b => b.Id == beatId && b.IsActive, cancellationToken) : null;
        if (beat is null) PreventionMessages.Add(localizer, errors, new("beatId", input.BeatId is null ? PreventionProblem.Required : PreventionProblem.Invalid));
        else if (!PreventionRegister.MayWrite(actor, new PreventionRecordScope(beat.Id, beat.DistrictId, Juvenile: true))) errors.Add("beatId", localizer["Prevention.BeatOutOfScope"]);
        if (input.EntryId is { } entryId)
        {
            var entry = await db.PreventionEntries.AsNoTracking().Where(e => e.Id == entryId)
                .Select(e => new { e.BeatId, e.DistrictId, Juvenile = db.PreventionCategories.Any(c => c.Id == e.CategoryId && c.Juvenile) }).SingleOrDefaultAsync(cancellationToken);
            if (entry is null || !entry.Juvenile || !PreventionAccess.Read(actor, new PreventionRecordScope(entry.BeatId, entry.DistrictId, Juvenile: true)).Allowed)
                PreventionMessages.Add(localizer, errors, new("entryId", PreventionProblem.Invalid));
        }
        if (errors.Count > 0) return (null, errors, PreventionWriteResult.Invalid);

        var delivery = new JuvenileDelivery
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, EntryId = input.EntryId, ProtectedMinorName = protection.ProtectText(input.MinorName!.Trim()),
            MinorBirthDate = input.MinorBirthDate!.Value, Reason = Enum.Parse<JuvenileDeliveryReason>(input.Reason!.Trim(), ignoreCase: true), FoundAt = input.FoundAt!.Trim(),
            ProtectedDeliveredTo = protection.ProtectText(input.DeliveredTo!.Trim()), DeliveredAtUtc = input.DeliveredAt!.Value.UtcDateTime, DeliveredBy = input.DeliveredBy!.Trim(),
            RecordedByUserId = PreventionScope.UserId(user), RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.JuvenileDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return (View(delivery, beat.Code), errors, PreventionWriteResult.Done);
    }

    /// <summary>The deliveries in the caller's scope, newest first; null when he has none. The read is logged when it shows anyone.</summary>
    public async Task<IReadOnlyList<JuvenileDeliveryView>?> DeliveriesAsync(ClaimsPrincipal user, int take = 100, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var query = InScope(db.JuvenileDeliveries.AsNoTracking(), actor, d => d.BeatId, d => d.DistrictId);
        if (query is null) return null;
        var rows = await query.OrderByDescending(d => d.DeliveredAtUtc).ThenByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500))
            .Join(db.Beats, d => d.BeatId, b => b.Id, (d, b) => new { Delivery = d, b.Code }).ToListAsync(cancellationToken);
        if (rows.Count > 0)
            await log.RecordReadAsync(PreventionScope.UserId(user), new PersonalRecord("juvenile-deliveries", "list"),
                string.Create(CultureInfo.InvariantCulture, $"juvenile deliveries list ({rows.Count})"), cancellationToken);
        return rows.Select(r => View(r.Delivery, r.Code)).ToList();
    }

    public async Task<(GatheringPlaceView? Place, FieldErrors Errors, PreventionWriteResult Result)> AddPlaceAsync(ClaimsPrincipal user, GatheringPlaceRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var actor = await scope.ActorAsync(user, cancellationToken);
        if (!Sees(actor)) return (null, errors, PreventionWriteResult.NotFound);
        var point = input.Latitude is { } lat && input.Longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        foreach (var error in JuvenileRules.ValidatePlace(new GatheringPlaceInput(point, input.Description, input.ObservedOn), Shared.Localization.KazakhstanTime.Today(clock)))
            PreventionMessages.Add(localizer, errors, error);
        BeatCard? beat = null;
        if (errors.Count == 0)
        {
            beat = await territory.LocateAsync(point!.Value.Latitude, point.Value.Longitude, cancellationToken);
            if (beat is null) errors.Add("point", localizer["Prevention.AddressOnNoBeat"]);
            else if (!PreventionRegister.MayWrite(actor, new PreventionRecordScope(beat.Id, beat.DistrictId, Juvenile: true))) errors.Add("point", localizer["Prevention.BeatOutOfScope"]);
        }
        if (errors.Count > 0) return (null, errors, PreventionWriteResult.Invalid);
        var place = new JuvenileGatheringPlace
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, Latitude = point!.Value.Latitude, Longitude = point.Value.Longitude, Description = input.Description!.Trim(),
            ObservedOn = input.ObservedOn!.Value, RecordedByUserId = PreventionScope.UserId(user), RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.JuvenileGatheringPlaces.Add(place);
        await db.SaveChangesAsync(cancellationToken);
        return (new GatheringPlaceView(place.Id, place.BeatId, beat.Code, place.Latitude, place.Longitude, place.Description, place.ObservedOn, place.IsActive), errors, PreventionWriteResult.Done);
    }

    /// <summary>The places in the caller's scope, open ones first; null when he has none.</summary>
    public async Task<IReadOnlyList<GatheringPlaceView>?> PlacesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var query = InScope(db.JuvenileGatheringPlaces.AsNoTracking(), actor, p => p.BeatId, p => p.DistrictId);
        if (query is null) return null;
        return await query.OrderByDescending(p => p.IsActive).ThenByDescending(p => p.ObservedOn).ThenBy(p => p.Id)
            .Join(db.Beats, p => p.BeatId, b => b.Id, (p, b) => new GatheringPlaceView(p.Id, p.BeatId, b.Code, p.Latitude, p.Longitude, p.Description, p.ObservedOn, p.IsActive))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A place no longer in use is closed, not deleted: it stays in the record of the beat.</summary>
    public async Task<PreventionWriteResult> ClosePlaceAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var place = await db.JuvenileGatheringPlaces.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (place is null) return PreventionWriteResult.NotFound;
        var record = new PreventionRecordScope(place.BeatId, place.DistrictId, Juvenile: true);
        if (!PreventionAccess.Read(actor, record).Allowed) return PreventionWriteResult.NotFound;
        if (!PreventionRegister.MayWrite(actor, record)) return PreventionWriteResult.Forbidden;
        place.IsActive = false;
        await db.SaveChangesAsync(cancellationToken);
        return PreventionWriteResult.Done;
    }

    /// <summary>The beats the caller may record juvenile work on, for the forms.</summary>
    public async Task<IReadOnlyList<(int Id, string Code)>> BeatsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var query = InScope(db.Beats.AsNoTracking().Where(b => b.IsActive), actor, b => b.Id, b => b.DistrictId);
        if (query is null || actor.Kind == PreventionActorKind.Admin) return [];
        return (await query.OrderBy(b => b.Number).Select(b => new { b.Id, b.Code }).ToListAsync(cancellationToken)).Select(b => (b.Id, b.Code)).ToList();
    }

    /// <summary>Who has juvenile work at all: whoever may read a juvenile record somewhere.</summary>
    private static bool Sees(PreventionActor actor) =>
        actor.Kind is PreventionActorKind.Inspector or PreventionActorKind.Supervisor or PreventionActorKind.JuvenileInspector or PreventionActorKind.Admin;

    /// <summary>The rows of a juvenile table the actor may see, as <see cref="PreventionAccess"/> decides for a juvenile record.</summary>
    private static IQueryable<T>? InScope<T>(IQueryable<T> rows, PreventionActor actor, System.Linq.Expressions.Expression<Func<T, int>> beatOf, System.Linq.Expressions.Expression<Func<T, int>> districtOf)
    {
        var district = actor.DistrictId ?? -1;
        var beats = actor.BeatIds.ToList();
        return actor.Kind switch
        {
            PreventionActorKind.Admin => rows,
            PreventionActorKind.Inspector => rows.Where(Compose(beatOf, id => beats.Contains(id))),
            PreventionActorKind.Supervisor or PreventionActorKind.JuvenileInspector => rows.Where(Compose(districtOf, id => id == district)),
            _ => null,
        };
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Compose<T>(System.Linq.Expressions.Expression<Func<T, int>> selector, System.Linq.Expressions.Expression<Func<int, bool>> test)
    {
        var body = new ReplaceParameter(test.Parameters[0], selector.Body).Visit(test.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, selector.Parameters);
    }

    private sealed class ReplaceParameter(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private JuvenileDeliveryView View(JuvenileDelivery d, string beatCode) => new(
        d.Id, d.BeatId, beatCode, d.EntryId, protection.UnprotectText(d.ProtectedMinorName)!, d.MinorBirthDate, d.Reason.ToString(), d.FoundAt,
        protection.UnprotectText(d.ProtectedDeliveredTo)!, d.DeliveredAtUtc, d.DeliveredBy);
}
