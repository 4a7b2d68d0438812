using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;

namespace Uchastok.Rules.Territory.DemoCity;

public sealed record GeneratedBeat(string Code, int Number, string DistrictCode, int Population, Geometry Boundary, int OfficerIndex, int ReceptionPointIndex);
public sealed record GeneratedOfficer(PersonName Name, PoliceRank Rank, string Phone, string DistrictCode, bool HeadsDistrict);
public sealed record GeneratedReceptionPoint(string DistrictCode, int Number, int AddressIndex, string Hours);
public sealed record GeneratedAddress(int StreetIndex, string HouseNumber, double Latitude, double Longitude);

public sealed record DemoCity(
    IReadOnlyList<DistrictSource> Districts,
    IReadOnlyList<GeneratedBeat> Beats,
    IReadOnlyList<GeneratedOfficer> Officers,
    IReadOnlyList<GeneratedReceptionPoint> ReceptionPoints,
    IReadOnlyList<StreetLine> Streets,
    IReadOnlyList<GeneratedAddress> Addresses);

/// <summary>
/// Builds the demo city inside Almaty's real district outlines: beats of 3,000–5,000 residents
/// that tile each district exactly (centroidal Voronoi cells clipped to the district), one
/// inspector per beat, a reception point for about every five beats, and a gazetteer of
/// addresses along the streets. The same seed always gives the same city.
/// </summary>
public static class DemoCityGenerator
{
    public const int DefaultSeed = 20260301;
    public const int TargetResidentsPerBeat = 4000;
    private const int BeatsPerReceptionPoint = 5;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static DemoCity Generate(IReadOnlyList<DistrictSource> districts, int seed = DefaultSeed)
    {
        var city = PreparedGeometryFactory.Prepare(UnaryUnionOp.Union(districts.Select(d => d.Boundary).ToList()));
        var streets = AlmatyStreets.Central.Concat(OuterGrid(districts)).ToList();
        var addresses = Gazetteer(streets, city);

        var beats = new List<GeneratedBeat>();
        var officers = new List<GeneratedOfficer>();
        var receptionPoints = new List<GeneratedReceptionPoint>();
        var random = new Random(seed);

        foreach (var district in districts)
        {
            officers.Add(new(DemoPeople.Next(random), PoliceRank.LieutenantColonel, DemoPeople.NextPhone(random), district.Code, HeadsDistrict: true));

            var cells = Tile(district, random);
            var populations = SplitPopulation(district.Population, cells.Count, random);
            var pointOfBeat = GroupIntoReceptionPoints(cells, random);
            var firstPoint = receptionPoints.Count;
            var pointCount = pointOfBeat.Max() + 1;
            for (var p = 0; p < pointCount; p++)
            {
                var served = cells.Where((_, i) => pointOfBeat[i] == p).ToList();
                var centre = Factory.CreateMultiPolygon(served.SelectMany(Polygons).ToArray()).Centroid;
                // The district's first point is its 24-hour post; the rest keep office hours.
                var hours = p == 0 ? "24/7" : "Mo-Fr 09:00-18:00; Sa 09:00-13:00";
                receptionPoints.Add(new(district.Code, p + 1, NearestAddress(addresses, centre.Y, centre.X, served), hours));
            }

            for (var i = 0; i < cells.Count; i++)
            {
                officers.Add(new(DemoPeople.Next(random), NextRank(random), DemoPeople.NextPhone(random), district.Code, HeadsDistrict: false));
                beats.Add(new($"{district.Code[..3].ToUpperInvariant()}-{i + 1:000}", i + 1, district.Code, populations[i], cells[i], officers.Count - 1, firstPoint + pointOfBeat[i]));
            }
        }

        return new DemoCity(districts, beats, officers, receptionPoints, streets, addresses);
    }

    /// <summary>Cuts a district into beats: k-means over random points inside it, then Voronoi cells of the centres clipped to the outline.</summary>
    private static List<Geometry> Tile(DistrictSource district, Random random)
    {
        var count = Math.Max(1, (int)Math.Round(district.Population / (double)TargetResidentsPerBeat));
        var prepared = PreparedGeometryFactory.Prepare(district.Boundary);
        var envelope = district.Boundary.EnvelopeInternal;
        var samples = new List<Coordinate>();
        while (samples.Count < count * 30)
        {
            var c = new Coordinate(envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height);
            if (prepared.Contains(Factory.CreatePoint(c))) samples.Add(c);
        }

        var centres = samples.Take(count).Select(c => c.Copy()).ToArray();
        var assignment = new int[samples.Count];
        for (var iteration = 0; iteration < 12; iteration++)
        {
            for (var s = 0; s < samples.Count; s++) assignment[s] = Nearest(centres, samples[s]);
            for (var c = 0; c < centres.Length; c++)
            {
                var members = samples.Where((_, s) => assignment[s] == c).ToList();
                if (members.Count > 0) centres[c] = new Coordinate(members.Average(m => m.X), members.Average(m => m.Y));
            }
        }

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(centres);
        var clip = new Envelope(envelope);
        clip.ExpandBy(0.05);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(Factory);

        var cells = new List<Geometry>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var clipped = OverlayNGRobust.Overlay(diagram.GetGeometryN(i), district.Boundary, SpatialFunction.Intersection);
            if (!clipped.IsEmpty && clipped is Polygon or MultiPolygon) cells.Add(clipped);
        }

        // Number beats as a reader scans a map: north to south in bands of about 1 km, west to east within a band.
        return cells
            .OrderByDescending(c => Math.Round(c.InteriorPoint.Y / 0.01))
            .ThenBy(c => c.InteriorPoint.X)
            .ToList();
    }

    private static int Nearest(Coordinate[] centres, Coordinate point)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < centres.Length; i++)
        {
            var d = centres[i].Distance(point);
            if (d < bestDistance) { bestDistance = d; best = i; }
        }
        return best;
    }

    /// <summary>Shares a district's population among its beats with ±12 % variation, keeping every beat within 3,000–5,000.</summary>
    private static int[] SplitPopulation(int total, int beats, Random random)
    {
        var weights = Enumerable.Range(0, beats).Select(_ => 0.88 + random.NextDouble() * 0.24).ToArray();
        var sum = weights.Sum();
        var populations = weights.Select(w => (int)Math.Clamp(Math.Round(total * w / sum), 3000, 5000)).ToArray();
        var remainder = total - populations.Sum();
        for (var i = 0; remainder != 0 && i < beats * 2000; i++)
        {
            var step = Math.Sign(remainder);
            var index = i % beats;
            if (populations[index] + step is >= 3000 and <= 5000) { populations[index] += step; remainder -= step; }
        }
        return populations;
    }

    private static int[] GroupIntoReceptionPoints(List<Geometry> cells, Random random)
    {
        var groups = Math.Max(1, (int)Math.Ceiling(cells.Count / (double)BeatsPerReceptionPoint));
        var points = cells.Select(c => c.InteriorPoint.Coordinate).ToList();
        var centres = points.OrderBy(_ => random.Next()).Take(groups).Select(c => c.Copy()).ToArray();
        var assignment = new int[points.Count];
        for (var iteration = 0; iteration < 10; iteration++)
        {
            for (var i = 0; i < points.Count; i++) assignment[i] = Nearest(centres, points[i]);
            for (var g = 0; g < groups; g++)
            {
                var members = points.Where((_, i) => assignment[i] == g).ToList();
                if (members.Count > 0) centres[g] = new Coordinate(members.Average(m => m.X), members.Average(m => m.Y));
            }
        }

        // Renumber the groups that kept members densely, in order of first appearance.
        var renumber = new Dictionary<int, int>();
        return assignment.Select(a => renumber.TryGetValue(a, out var n) ? n : renumber[a] = renumber.Count).ToArray();
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) =>
        Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>();

    /// <summary>The address inside the served beats nearest their common centre (or nearest overall if none lies inside).</summary>
    private static int NearestAddress(List<GeneratedAddress> addresses, double latitude, double longitude, List<Geometry> served)
    {
        var area = PreparedGeometryFactory.Prepare(Factory.CreateMultiPolygon(served.SelectMany(Polygons).ToArray()));
        var envelope = area.Geometry.EnvelopeInternal;
        var best = -1;
        var bestDistance = double.MaxValue;
        var fallback = 0;
        var fallbackDistance = double.MaxValue;
        for (var i = 0; i < addresses.Count; i++)
        {
            var a = addresses[i];
            var d = GeoMeasure.DistanceMetres(latitude, longitude, a.Latitude, a.Longitude);
            if (d < fallbackDistance) { fallbackDistance = d; fallback = i; }
            if (d < bestDistance && envelope.Contains(a.Longitude, a.Latitude)
                && area.Contains(Factory.CreatePoint(new Coordinate(a.Longitude, a.Latitude))))
            {
                bestDistance = d;
                best = i;
            }
        }
        return best >= 0 ? best : fallback;
    }

    private static PoliceRank NextRank(Random random) => random.NextDouble() switch
    {
        < 0.25 => PoliceRank.Lieutenant,
        < 0.60 => PoliceRank.SeniorLieutenant,
        < 0.90 => PoliceRank.Captain,
        _ => PoliceRank.Major,
    };

    /// <summary>Lines about 2 km apart across the city, away from the central grid, carrying the outer street names.</summary>
    private static IEnumerable<StreetLine> OuterGrid(IReadOnlyList<DistrictSource> districts)
    {
        var envelope = new Envelope();
        foreach (var d in districts) envelope.ExpandToInclude(d.Boundary.EnvelopeInternal);
        var names = AlmatyStreets.OuterNames;
        var index = 0;
        for (var lat = envelope.MinY + 0.009; lat < envelope.MaxY; lat += 0.018)
        {
            if (AlmatyStreets.Central.Any(s => s.RunsEastWest && Math.Abs(s.Position - lat) < 0.004)) continue;
            if (index >= names.Count) yield break;
            var (kk, ru, en) = names[index++];
            yield return new StreetLine(kk, ru, en, StreetKind.Street, true, lat, envelope.MinX, envelope.MaxX);
        }
        for (var lon = envelope.MinX + 0.0125; lon < envelope.MaxX; lon += 0.025)
        {
            if (AlmatyStreets.Central.Any(s => !s.RunsEastWest && Math.Abs(s.Position - lon) < 0.005)) continue;
            if (index >= names.Count) yield break;
            var (kk, ru, en) = names[index++];
            yield return new StreetLine(kk, ru, en, StreetKind.Street, false, lon, envelope.MinY, envelope.MaxY);
        }
    }

    /// <summary>Houses every 100 m along each street (250 m on outer streets), odd numbers on one side and even on the other, kept only inside the city.</summary>
    private static List<GeneratedAddress> Gazetteer(List<StreetLine> streets, IPreparedGeometry city)
    {
        var addresses = new List<GeneratedAddress>();
        var centralCount = AlmatyStreets.Central.Count;
        for (var s = 0; s < streets.Count; s++)
        {
            var street = streets[s];
            var spacingMetres = s < centralCount ? 100.0 : 250.0;
            var latitude = street.RunsEastWest ? street.Position : (street.From + street.To) / 2;
            var metresPerDegreeAlong = street.RunsEastWest ? GeoMeasure.MetresPerDegreeLongitude(latitude) : 111_320;
            var metresPerDegreeAcross = street.RunsEastWest ? 111_320 : GeoMeasure.MetresPerDegreeLongitude(latitude);
            var step = spacingMetres / metresPerDegreeAlong;
            var offset = 15 / metresPerDegreeAcross;
            // Almaty numbers its east–west streets from the east (the mountains' side of the centre) westwards.
            var start = street.RunsEastWest ? Math.Max(street.From, street.To) : Math.Min(street.From, street.To);
            var direction = street.RunsEastWest ? -1 : 1;
            var length = Math.Abs(street.To - street.From);
            for (var lot = 0; lot * step <= length; lot++)
            {
                var t = start + direction * lot * step;
                foreach (var side in new[] { -1, 1 })
                {
                    var across = street.Position + side * offset;
                    var (lon, lat) = street.RunsEastWest ? (t, across) : (across, t);
                    if (!city.Contains(Factory.CreatePoint(new Coordinate(lon, lat)))) continue;
                    var house = 2 * lot + (side < 0 ? 1 : 2);
                    addresses.Add(new GeneratedAddress(s, house.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Round(lat, 6), Math.Round(lon, 6)));
                }
            }
        }
        return addresses;
    }
}
