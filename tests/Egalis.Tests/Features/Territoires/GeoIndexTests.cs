using Egalis.Web.Features.Territoires;
using NetTopologySuite.Geometries;

namespace Egalis.Tests.Features.Territoires;

public class GeoIndexTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly Lazy<ReferenceData> Data = new(() => ReferenceData.Load());
    private static readonly Lazy<GeoIndex> Real = new(() => GeoIndex.From(Data.Value));

    /// <summary>A 1°×1° commune with a 0.2° hole, and a QPV inside it.</summary>
    private static GeoIndex Synthetic()
    {
        var shell = Factory.CreateLinearRing([new(5, 43), new(6, 43), new(6, 44), new(5, 44), new(5, 43)]);
        var hole = Factory.CreateLinearRing([new(5.4, 43.4), new(5.6, 43.4), new(5.6, 43.6), new(5.4, 43.6), new(5.4, 43.4)]);
        var commune = Factory.CreatePolygon(shell, [hole]);
        var qpv = Factory.CreatePolygon([new(5.1, 43.1), new(5.2, 43.1), new(5.2, 43.2), new(5.1, 43.2), new(5.1, 43.1)]);
        return new GeoIndex(
            [(new GeoIndex.Zone("99001", "Trouée", "CT9", "Test"), commune)],
            [(new GeoIndex.Zone("QN99999X", "Quartier test"), qpv)]);
    }

    [Fact]
    public void Point_inside_is_found_with_its_territory_and_qpv()
    {
        var result = Synthetic().Lookup(latitude: 43.15, longitude: 5.15);
        Assert.Equal("99001", result.Commune?.Code);
        Assert.Equal("CT9", result.ConseilTerritoire?.Code);
        Assert.Equal("QN99999X", result.Qpv?.Code);
    }

    [Fact]
    public void Point_outside_everything_finds_nothing()
    {
        var result = Synthetic().Lookup(latitude: 42.5, longitude: 5.5);
        Assert.Null(result.Commune);
        Assert.Null(result.ConseilTerritoire);
        Assert.Null(result.Qpv);
    }

    [Fact]
    public void Point_in_a_hole_is_not_in_the_polygon()
    {
        var result = Synthetic().Lookup(latitude: 43.5, longitude: 5.5);
        Assert.Null(result.Commune);
    }

    [Theory]
    [InlineData(43.0, 5.5, true)]          // on the outer boundary: counts as inside
    [InlineData(43.4, 5.5, true)]          // on the hole's boundary: still the commune's edge
    [InlineData(42.9999999, 5.5, false)]   // a hair south of the boundary
    [InlineData(43.0000001, 5.5, true)]    // a hair north of it
    [InlineData(43.4000001, 5.5, false)]   // a hair inside the hole
    public void Points_near_a_boundary_fall_on_the_right_side(double lat, double lon, bool inside)
    {
        var result = Synthetic().Lookup(lat, lon);
        Assert.Equal(inside, result.Commune is not null);
    }

    [Fact]
    public void Every_qpv_of_the_reference_data_is_found_at_an_interior_point()
    {
        foreach (var qpv in Data.Value.Qpvs)
        {
            var point = qpv.Geometrie.InteriorPoint;
            var result = Real.Value.Lookup(point.Y, point.X);
            Assert.Equal(qpv.Code, result.Qpv?.Code);
            Assert.Contains(result.Commune!.Code, qpv.Communes);
        }
    }

    [Fact]
    public void Every_commune_is_found_at_an_interior_point_with_its_territory()
    {
        foreach (var commune in Data.Value.Communes)
        {
            var point = commune.Geometrie.InteriorPoint;
            var result = Real.Value.Lookup(point.Y, point.X);
            Assert.Equal(commune.CodeInsee, result.Commune?.Code);
            Assert.Equal(commune.ConseilTerritoireCode, result.ConseilTerritoire?.Code);
        }
    }

    [Fact]
    public void Known_places_resolve_to_their_commune()
    {
        // Vieux-Port de Marseille; cours Mirabeau, Aix-en-Provence; open sea off Carry-le-Rouet.
        Assert.Equal("13055", Real.Value.Lookup(43.2951, 5.3740).Commune?.Code);
        Assert.Equal("13001", Real.Value.Lookup(43.5265, 5.4474).Commune?.Code);
        var sea = Real.Value.Lookup(43.20, 5.10);
        Assert.Null(sea.Commune);
        Assert.Null(sea.Qpv);
    }

    [Fact]
    public void Concurrent_lookups_give_the_same_answers_as_sequential_ones()
    {
        var random = new Random(42);
        var points = Enumerable.Range(0, 20_000).Select(_ => (Lat: 43.15 + random.NextDouble() * 0.6, Lon: 4.75 + random.NextDouble() * 1.0)).ToArray();
        var index = GeoIndex.From(Data.Value);
        var sequential = points.Select(p => index.Lookup(p.Lat, p.Lon)).ToArray();
        var parallel = new GeoIndex.Result[points.Length];
        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = index.Lookup(points[i].Lat, points[i].Lon));
        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, r => r.Qpv is not null);
        Assert.Contains(sequential, r => r.Commune is null);
    }
}
