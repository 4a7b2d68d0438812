namespace Uchastok.Rules.Prevention;

/// <summary>A point in WGS84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>An open plan action on the inspector's beats: its id, kind, due date, and where it happens if known.</summary>
public sealed record DayActionCandidate(long ActionId, PreventionActionKind Kind, DateOnly Due, DateOnly? DoneOn, GeoPoint? Point);

/// <summary>One stop of the day: its place in the route (1-based), whether it is overdue, and the distance from the previous stop (or the reception point) when both have points.</summary>
public sealed record DayStop(int Order, DayActionCandidate Action, bool Overdue, double? MetresFromPrevious);

/// <summary>
/// The inspector's day (C15): the actions due today or overdue, not done, in a route order. The
/// route is nearest neighbour from the reception point: simple, explainable to the inspector, quick
/// for the few dozen stops of a day, and not the shortest tour (on random points it is typically
/// about a quarter longer); the issue asks for no more, and the inspector adjusts the order himself. Actions without a point go last, by due date.
/// Ties (equal distance, e.g. two actions at one address) go to the earlier due date, then the lower
/// action id, so the same data always give the same order. With no reception point the route starts
/// at the earliest-due action that has a point.
/// </summary>
public static class InspectorDayRoute
{
    /// <summary>Mean Earth radius (IUGG), metres.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    public static IReadOnlyList<DayStop> Build(IEnumerable<DayActionCandidate> actions, DateOnly today, GeoPoint? receptionPoint)
    {
        var due = actions.Where(a => a.DoneOn is null && a.Due <= today).ToList();
        var placed = due.Where(a => a.Point is not null).OrderBy(a => a.Due).ThenBy(a => a.ActionId).ToList();
        var unplaced = due.Where(a => a.Point is null).OrderBy(a => a.Due).ThenBy(a => a.ActionId);

        var stops = new List<DayStop>(due.Count);
        var current = receptionPoint;
        while (placed.Count > 0)
        {
            var bestIndex = 0;
            var bestDistance = current is { } from ? Distance(from, placed[0].Point!.Value) : (double?)null;
            for (var i = 1; i < placed.Count && current is { } here; i++)
            {
                // Strictly nearer only: the list is already in due-date, id order, so the first of equals wins.
                var d = Distance(here, placed[i].Point!.Value);
                if (d < bestDistance) (bestIndex, bestDistance) = (i, d);
            }
            var next = placed[bestIndex];
            placed.RemoveAt(bestIndex);
            stops.Add(new(stops.Count + 1, next, next.Due < today, bestDistance));
            current = next.Point;
        }
        foreach (var action in unplaced) stops.Add(new(stops.Count + 1, action, action.Due < today, null));
        return stops;
    }

    /// <summary>Great-circle distance in metres (haversine), exact enough for a city and stable for near points.</summary>
    public static double Distance(GeoPoint a, GeoPoint b)
    {
        const double toRadians = Math.PI / 180;
        var dLat = (b.Latitude - a.Latitude) * toRadians;
        var dLon = (b.Longitude - a.Longitude) * toRadians;
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(a.Latitude * toRadians) * Math.Cos(b.Latitude * toRadians) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
