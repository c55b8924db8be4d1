using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Fonds;

/// <summary>The granted subsidies as open data, checked against the SCDL subventions schema file itself; the 23 000 € rule.</summary>
public class SubventionsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly TableSchema Schema = new("scdl-subventions-schema.json");

    [Fact]
    public async Task Granted_subsidies_are_published_in_scdl_and_those_needing_a_convention_wait_for_it()
    {
        // An envelope large enough for all of them; two calls the same year.
        var printemps = await factory.AppelOuvertAsync("Appel de printemps", 50_000m);
        var automne = await factory.AppelOuvertAsync("Appel d'automne");
        // The same association twice: 12 000 € + 12 000 € = 24 000 € in the year, above 23 000 €, so a convention first.
        var premier = await factory.DossierEnInstructionAsync(printemps, "Ateliers du Panier", "73282932000074", 12_000m);
        var second = await factory.DossierEnInstructionAsync(automne, "Ateliers du Panier", "73282932000074", 12_000m, memeOrganisation: true);
        // Another one, 8 000 €: no convention needed, published once notified.
        var publie = await factory.DossierEnInstructionAsync(printemps, "Ligue des droits", "44306184100013", 8_000m);
        foreach (var d in new[] { premier, second, publie })
        {
            await factory.NoterAsync(d, "Ivan Instructeur", 4);
            await factory.NoterAsync(d, "Alice Admin", 4);
        }
        var comite = await factory.ComiteAsync(printemps, new DateOnly(2020, 6, 15), (premier, 12_000m), (publie, 8_000m));
        await factory.ComiteAsync(automne, new DateOnly(2020, 10, 15), (second, 12_000m));

        // The committee's deliberation, linked to it from the register: its ACTES id is the decision's reference.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var point = await db.Set<PointOrdreDuJour>().Where(p => p.NumeroActe == "2019_CT2_587").Select(p => p.Id).SingleAsync();
            db.Add(new LienDeliberation { PointId = point, Type = ComiteLinkTarget.TypeLien, Reference = comite.ToString() });
            await db.SaveChangesAsync();
        }

        var visiteur = factory.Client();
        var reponse = await visiteur.GetAsync("/api/v1/opendata/subventions.csv");
        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", reponse.Content.Headers.ContentType?.CharSet);
        var octets = await reponse.Content.ReadAsByteArrayAsync();
        Assert.False(octets.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "Pas de BOM : l'en-tête commence par le premier nom de champ.");
        var lignes = TableSchema.LireCsv(System.Text.Encoding.UTF8.GetString(octets));
        Assert.Equal("2.1.1", Schema.Racine.GetProperty("version").GetString());
        Assert.Equal(Schema.Champs, lignes[0]);
        var erreurs = Schema.Verifier(lignes);
        Assert.True(erreurs.Count == 0, string.Join("\n", erreurs));

        // One row: the association above the threshold waits for its convention.
        Assert.Equal(2, lignes.Count);
        var ligne = lignes[0].Zip(lignes[1]).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal("Métropole Aix-Marseille-Provence", ligne["nomAttribuant"]);
        Assert.Equal("20005480700017", ligne["idAttribuant"]);
        Assert.Equal("013-200054807-20191212-2019_CT2_587-DE", ligne["referenceDecision"]);
        Assert.Equal("Ligue des droits", ligne["nomBeneficiaire"]);
        Assert.Equal("44306184100013", ligne["idBeneficiaire"]);
        Assert.Equal("W133001234", ligne["rnaBeneficiaire"]);
        Assert.Equal("Projet de Ligue des droits", ligne["objet"]);
        Assert.Equal("8000.00", ligne["montant"]);
        Assert.Equal("aide en numéraire", ligne["nature"]);
        Assert.Equal("non", ligne["notificationUE"]);
        // No terms sent yet: the schedule is not published as if it were known.
        Assert.Equal("fixées par la convention ou la notification à venir", ligne["conditionsVersement"]);
        Assert.Equal("1.00", ligne["pourcentageSubvention"]);
        Assert.Equal($"{ligne["dateConvention"]}/2027-06-30", ligne["datesPeriodeVersement"]);
        Assert.Equal("Fonds d'initiative du plan de lutte contre les discriminations", ligne["dispositifAide"]);

        // The same in JSON.
        var json = JsonDocument.Parse(await visiteur.GetStringAsync("/api/v1/opendata/subventions.json")).RootElement;
        Assert.Equal(1, json.GetArrayLength());
        Assert.Equal(8000m, json[0].GetProperty("montant").GetDecimal());
        Assert.False(json[0].GetProperty("notificationUE").GetBoolean());
        Assert.Equal("44306184100013", json[0].GetProperty("idBeneficiaire").GetString());

        // The plan's indicators of action 2.5: received in 2026 (submission), granted by the 2020 committees (their envelope's year).
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var indicateurs = scope.ServiceProvider.GetServices<Egalis.Web.Platform.Extensions.IIndicateurCalcule>().ToDictionary(i => i.Code);
            async Task<IReadOnlyDictionary<int, decimal>> ValeursAsync(string code) => await indicateurs[code].CalculerAsync(db, [2020, 2026], default);
            Assert.Equal(3m, (await ValeursAsync("FONDS-DOSSIERS-RECUS"))[DateTime.UtcNow.Year]);
            Assert.Equal(3m, (await ValeursAsync("FONDS-DOSSIERS-ACCORDES"))[2020]);
            Assert.Equal(32_000m, (await ValeursAsync("FONDS-MONTANT-ACCORDE"))[2020]);
            // Every project is in Marseille, which has no local plan.
            Assert.Equal(100m, (await ValeursAsync("FONDS-PART-SANS-PLAN"))[2020]);
            Assert.False((await ValeursAsync("FONDS-PART-SANS-PLAN")).ContainsKey(2026));
            Assert.Equal("2.5", indicateurs["FONDS-MONTANT-ACCORDE"].ActionCode);
        }
        var tableau = await (await factory.SignedInAsAsync(Roles.ChefDeProjet)).GetHtmlAsync("/fonds/gestion");
        Assert.Contains("<tr><td>2020</td><th scope=\"row\">Marseille Provence</th><td class=\"text-end\">0</td><td class=\"text-end\">3</td><td class=\"text-end\">32\u202F000,00 €</td><td class=\"text-end\">100 %</td></tr>", tableau);

        // Listed on « Données ouvertes ».
        var page = await visiteur.GetHtmlAsync("/donneesouvertes");
        Assert.Contains("Subventions du fonds d'initiative", page);
        Assert.Contains("/api/v1/opendata/subventions.csv", page);
    }

    [Theory]
    [InlineData("23000", false)]
    [InlineData("23000.01", true)]
    [InlineData("24000", true)]
    [InlineData("12000", false)]
    public void A_convention_is_required_strictly_above_23_000_euros_in_the_year(string total, bool requise) =>
        Assert.Equal(requise, Conventions.Requise(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Conventions.SeuilLegal));
}
