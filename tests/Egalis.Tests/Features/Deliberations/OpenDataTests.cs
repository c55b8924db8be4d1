using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;

namespace Egalis.Tests.Features.Deliberations;

/// <summary>
/// The open-data CSV checked against the SCDL délibérations schema file itself: its fields in order,
/// types, patterns and required cells, and its custom checks (SIRET, cohesive columns, comparisons,
/// sums, ACTES nomenclature).
/// </summary>
public class OpenDataTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly TableSchema Schema = new("scdl-deliberations-schema.json");

    [Fact]
    public async Task The_csv_conforms_to_scdl_deliberations_2_1_5()
    {
        var response = await factory.Client().GetAsync("/api/v1/opendata/deliberations.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lignes = TableSchema.LireCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.1.5", Schema.Racine.GetProperty("version").GetString());
        Assert.Equal(Schema.Champs, lignes[0]);
        Assert.Equal(3, lignes.Count);
        var erreurs = Schema.Verifier(lignes);
        Assert.True(erreurs.Count == 0, string.Join("\n", erreurs));

        var fondateur = lignes.Single(l => l[2] == "2019_CT2_587");
        Assert.Equal(["2019-12-12", "8.5", "Domaines de compétences par thèmes/Politique de la ville-habitat-logement"], fondateur[3..6]);
        Assert.Equal(["PREF013", "2020-01-09", "", "", "", "", ""], fondateur[9..16]);
    }
}
