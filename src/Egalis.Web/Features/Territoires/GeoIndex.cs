using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Egalis.Web.Features.Territoires;

/// <summary>
/// Point → commune, conseil de territoire and QPV. Built once from the reference geometries;
/// every structure is filled at construction, so concurrent lookups only read.
/// </summary>
public sealed class GeoIndex
{
    public sealed record Zone(string Code, string Nom, string? ParentCode = null, string? ParentNom = null);

    public sealed record Result(Zone? Commune, Zone? ConseilTerritoire, Zone? Qpv);

    private sealed class Entry(Zone zone, Geometry geometry)
    {
        public Zone Zone { get; } = zone;
        public Envelope Envelope { get; } = geometry.EnvelopeInternal;
        public IndexedPointInAreaLocator Locator { get; } = new(geometry);
    }

    private readonly STRtree<Entry> _communes;
    private readonly STRtree<Entry> _qpvs;

    public GeoIndex(IEnumerable<(Zone Zone, Geometry Geometry)> communes, IEnumerable<(Zone Zone, Geometry Geometry)> qpvs)
    {
        _communes = Build(communes);
        _qpvs = Build(qpvs);
    }

    public static GeoIndex From(ReferenceData data) => new(
        data.Communes.Select(c => (new Zone(c.CodeInsee, c.Nom, c.ConseilTerritoireCode, c.ConseilTerritoireNom), c.Geometrie)),
        data.Qpvs.Select(q => (new Zone(q.Code, q.Nom), q.Geometrie)));

    private static STRtree<Entry> Build(IEnumerable<(Zone Zone, Geometry Geometry)> zones)
    {
        var tree = new STRtree<Entry>();
        foreach (var (zone, geometry) in zones)
        {
            var entry = new Entry(zone, geometry);
            // The locator builds its interval index lazily; do it now, on one thread.
            entry.Locator.Locate(geometry.EnvelopeInternal.Centre);
            tree.Insert(entry.Envelope, entry);
        }
        tree.Build();
        return tree;
    }

    /// <summary>Finds what contains the point; a point on a boundary counts as inside.</summary>
    public Result Lookup(double latitude, double longitude)
    {
        var point = new Coordinate(longitude, latitude);
        var commune = Find(_communes, point);
        var qpv = Find(_qpvs, point);
        return new Result(
            commune,
            commune is null ? null : new Zone(commune.ParentCode!, commune.ParentNom!),
            qpv);
    }

    private static Zone? Find(STRtree<Entry> tree, Coordinate point)
    {
        var visitor = new FirstContaining(point);
        tree.Query(new Envelope(point), visitor);
        return visitor.Found;
    }

    private sealed class FirstContaining(Coordinate point) : NetTopologySuite.Index.IItemVisitor<Entry>
    {
        public Zone? Found { get; private set; }

        public void VisitItem(Entry item)
        {
            if (Found is null && item.Envelope.Covers(point) && item.Locator.Locate(point) != Location.Exterior)
            {
                Found = item.Zone;
            }
        }
    }
}
