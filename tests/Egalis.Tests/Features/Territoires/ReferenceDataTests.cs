using Egalis.Web.Features.Territoires;

namespace Egalis.Tests.Features.Territoires;

public class ReferenceDataTests
{
    private static readonly ReferenceData Data = ReferenceData.Load();

    [Fact]
    public void Files_hold_the_metropole_geography()
    {
        Assert.Equal(92, Data.Communes.Count);
        Assert.Equal(6, Data.ConseilsTerritoire.Count());
        Assert.Equal(66, Data.Qpvs.Count);
        Assert.Equal(["CT1", "CT2", "CT3", "CT4", "CT5", "CT6"], Data.ConseilsTerritoire.Select(t => t.Code));
        Assert.Equal(1_939_077, Data.Communes.Sum(c => c.PopulationMunicipale));
    }

    [Fact]
    public void A_qpv_can_straddle_two_communes()
    {
        var escourtines = Data.Qpvs.Single(q => q.Code == "QN01341I");
        Assert.Equal(["13055", "13070"], escourtines.Communes.Order());
    }

    [Fact]
    public void Criteria_are_those_of_article_225_1_in_order()
    {
        Assert.Equal(21, Data.Criteres.Count);
        Assert.Equal(Enumerable.Range(1, 21), Data.Criteres.Select(c => c.Ordre));
        Assert.Equal("Origine", Data.Criteres[0].Libelle);
        Assert.Contains(Data.Criteres, c => c.Libelle.Contains("lanceur d'alerte", StringComparison.Ordinal));
        Assert.Equal(Data.Criteres.Count, Data.Criteres.Select(c => c.Code).Distinct().Count());
    }
}
