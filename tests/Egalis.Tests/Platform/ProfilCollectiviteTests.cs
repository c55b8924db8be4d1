using Microsoft.Extensions.Configuration;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Platform;

/// <summary>A platform installed for another collectivité: its identity comes from its profile file alone.</summary>
public sealed class ProfilFictifFactory : EgalisFactory
{
    public static readonly string Fichier = Path.Combine(Path.GetTempPath(), $"egalis-profil-{Guid.NewGuid():N}.json");

    static ProfilFictifFactory() => File.WriteAllText(Fichier, JsonSerializer.Serialize(new
    {
        nom = "Communauté d'agglomération du Val Fictif",
        nomCourt = "l'Agglomération",
        nature = "communauté d'agglomération",
        siren = "249999999",
        siret = "24999999900012",
        departement = "084",
        adresse = "1 place de la Mairie, 84000 Valfictif",
        directionPublication = "La Présidente de la Communauté d'agglomération du Val Fictif",
        service = "Direction de la cohésion sociale",
        hebergement = "La plateforme est hébergée par le syndicat informatique du Val Fictif.",
        contactDonneesPersonnelles = "la déléguée à la protection des données de l'Agglomération (dpd@valfictif.fr)",
        contactAccessibilite = "la mission accessibilité de l'Agglomération (accessibilite@valfictif.fr)",
        domaineCourriel = "valfictif.fr",
        plan = "Plan intercommunal contre les discriminations",
        adoption = "adopté par le Conseil communautaire le 3 mars 2025",
    }));

    protected override Dictionary<string, string?> ExtraSettings => new() { ["Egalis:Profil"] = Fichier };
}

public class ProfilCollectiviteTests(ProfilFictifFactory factory) : IClassFixture<ProfilFictifFactory>
{
    [Fact]
    public async Task Pages_legal_notices_emails_and_open_data_name_the_collectivite_of_the_profile()
    {
        foreach (var url in new[] { "/", "/mentionslegales", "/accessibilite", "/donneespersonnelles", "/donneesouvertes" })
        {
            var html = (await factory.Client().GetHtmlAsync(url)).Replace("&#x27;", "'");
            Assert.Contains("Communauté d'agglomération du Val Fictif", html);
            Assert.DoesNotContain("Aix-Marseille", html);
            Assert.DoesNotContain("200054807", html);
        }
        var mentions = (await factory.Client().GetHtmlAsync("/mentionslegales")).Replace("&#x27;", "'");
        Assert.Contains("Communauté d'agglomération du Val Fictif, communauté d'agglomération (SIREN 249999999), 1 place de la Mairie, 84000 Valfictif.", mentions);
        Assert.Contains("La plateforme est hébergée par le syndicat informatique du Val Fictif.", mentions);
        Assert.Contains("la déléguée à la protection des données de l'Agglomération (dpd@valfictif.fr)", (await factory.Client().GetHtmlAsync("/donneespersonnelles")).Replace("&#x27;", "'"));

        // Its open data and its acts' ACTES identifiers carry its SIRET, SIREN and département.
        var csv = await factory.Client().GetStringAsync("/api/v1/opendata/deliberations.csv");
        Assert.Contains("Communauté d'agglomération du Val Fictif,24999999900012,", csv.Replace("\"", ""));
        Assert.Contains(",PREF084,", csv);
        Assert.DoesNotContain("Aix-Marseille", csv.Split('\n')[1].Split(',')[0]);
        var api = await factory.Client().GetStringAsync("/api/v1/deliberations");
        Assert.Contains("084-249999999-", api);

        // The invitation e-mail.
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        await EgalisFactory.PostFormAsync(admin, "/administration/utilisateur", new()
        {
            ["Input.NomComplet"] = "Nora Nouvelle", ["Input.Email"] = "nora.nouvelle@valfictif.fr", ["Input.Roles"] = Roles.Agent,
        });
        var message = await factory.Smtp.WaitForAsync("nora.nouvelle@valfictif.fr");
        Assert.Contains("la plateforme du « Plan intercommunal contre les discriminations » de Communauté d'agglomération du Val Fictif", message.TextBody);
        Assert.DoesNotContain("Aix-Marseille", message.TextBody);
    }
}

public class ProfilCollectiviteLectureTests
{
    private static Microsoft.Extensions.Configuration.IConfiguration Config(string? fichier) =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Egalis:Profil"] = fichier }).Build();

    [Fact]
    public void The_default_profile_is_the_metropoles()
    {
        var profil = Egalis.Web.Platform.Collectivite.ProfilCollectivite.Charger(Config(null));
        Assert.Equal(("Métropole Aix-Marseille-Provence", "200054807", "20005480700017", "013"), (profil.Nom, profil.Siren, profil.Siret, profil.Departement));
    }

    [Fact]
    public void A_missing_or_incomplete_profile_stops_the_start_with_one_sentence()
    {
        var absent = Assert.Throws<Egalis.Web.Platform.Web.Hebergement.ConfigurationInvalideException>(() => Egalis.Web.Platform.Collectivite.ProfilCollectivite.Charger(Config("/nulle/part/profil.json")));
        Assert.StartsWith("le profil de la collectivité est introuvable (/nulle/part/profil.json)", absent.Message);
        var incomplet = Path.Combine(Path.GetTempPath(), $"egalis-profil-incomplet-{Guid.NewGuid():N}.json");
        File.WriteAllText(incomplet, "{ \"nom\": \"Ville\" }");
        var erreur = Assert.Throws<Egalis.Web.Platform.Web.Hebergement.ConfigurationInvalideException>(() => Egalis.Web.Platform.Collectivite.ProfilCollectivite.Charger(Config(incomplet)));
        Assert.StartsWith($"le profil de la collectivité ({incomplet}) est incomplet ou mal formé", erreur.Message);
        File.Delete(incomplet);
    }
}
