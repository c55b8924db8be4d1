using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Platform;

/// <summary>
/// A platform installed for another collectivité: a small invented agglomeration (Data/ValFictif: three communes, two
/// territories, one QPV, no founding deliberation), described by its profile file alone.
/// </summary>
public sealed class ProfilFictifFactory : EgalisFactory
{
    public static string Fichier => Path.Combine(AppContext.BaseDirectory, "Data", "ValFictif", "collectivite.json");

    protected override Dictionary<string, string?> ExtraSettings => new() { ["Egalis:Profil"] = Fichier };
}

public class ProfilCollectiviteTests(ProfilFictifFactory factory) : IClassFixture<ProfilFictifFactory>
{
    private static void SansLaMetropole(string texte, string ou)
    {
        foreach (var trace in new[] { "Aix-Marseille", "Métropole", "métropole", "métropolitain", "Métropolitain", "200054807", "Marseille", "13047" })
        {
            Assert.False(texte.Contains(trace, StringComparison.Ordinal), $"{ou} contient « {trace} »");
        }
    }

    [Fact]
    public async Task No_page_pdf_email_or_open_data_file_of_another_collectivite_names_the_metropole()
    {
        var publiques = new[] { "/", "/plan", "/plan/indicateurs", "/plan/bilan/2025", "/territoires", "/deliberations", "/mentionslegales", "/accessibilite",
            "/donneespersonnelles", "/donneesouvertes", "/compte/connexion", "/nimportequoi" };
        foreach (var url in publiques)
        {
            var reponse = await factory.Client().GetAsync(url);
            SansLaMetropole(await reponse.Content.ReadAsStringAsync(), url);
        }
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        foreach (var url in new[] { "/espace", "/plan/pilotage", "/plan/modifier/PMLCD", "/budget", "/deliberations/gestion", "/plan/indicateur/TER-COMMUNES-QPV" })
        {
            SansLaMetropole(await (await cheffe.GetAsync(url)).Content.ReadAsStringAsync(), url);
        }
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        foreach (var url in new[] { "/administration/utilisateurs", "/administration/journal", "/administration/taches" })
        {
            SansLaMetropole(await admin.GetStringAsync(url), url);
        }
        foreach (var url in new[] { "/api/v1/opendata/deliberations.csv", "/exports/plan-actions.csv", "/exports/plan-indicateurs.csv", "/api/v1/communes", "/api/v1/conseils-territoire", "/api/v1/qpv", "/api/v1/plan", "/openapi/v1.json" })
        {
            SansLaMetropole(await factory.Client().GetStringAsync(url), url);
        }
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await factory.Client().GetByteArrayAsync("/plan/bilan/2025?handler=pdf")))
        {
            var texte = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Communauté d'agglomération du Val Fictif", texte.Replace("’", "'"));
            SansLaMetropole(texte, "le bilan PDF");
        }

        // Its own geography: three communes, two territories, one QPV; the lookup finds it.
        var communes = System.Text.Json.JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/communes")).RootElement;
        Assert.Equal(3, communes.GetArrayLength());
        var lieu = await factory.Client().GetStringAsync("/api/v1/geo/lookup?lat=43.915&lon=4.815");
        Assert.Contains("Quartier des Tilleuls", lieu);
        Assert.Contains("Valfictif", lieu);
        var accueil = await factory.Client().GetHtmlAsync("/");
        Assert.Contains("<p class=\"carte-chiffre__valeur mb-0\">3</p><p class=\"mb-0\">communes</p>", accueil);
        Assert.Contains("Conseil communautaire du Val Fictif", await cheffe.GetHtmlAsync("/deliberations/gestion"));
    }

    /// <summary>Without a founding deliberation, the team opens its budget line and votes its credits from the pages.</summary>
    [Fact]
    [Soumet(typeof(Egalis.Web.Features.Budget.Pages.IndexModel), "Ligne")]
    public async Task Without_a_founding_deliberation_the_team_opens_its_budget_line_and_is_told_how_to_build_its_plan()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var budget = await cheffe.GetHtmlAsync("/budget");
        Assert.DoesNotContain("Engagements et mandatements", budget);

        var vide = await (await Formulaire.LireAsync(cheffe, "/budget", "?handler=ligne")).EnvoyerAsync(cheffe, new() { ["Ligne.SousPolitique"] = "", ["Ligne.Nature"] = "65 748", ["Ligne.Fonction"] = "025", ["Ligne.Libelle"] = "" });
        var html = (await vide.ReadHtmlAsync()).Replace("&#x27;", "'");
        Assert.Contains("Indiquez la sous-politique : 1 à 10 lettres ou chiffres, par exemple D110.", html);
        Assert.Contains("Indiquez la nature : 1 à 10 lettres ou chiffres, par exemple 65748.", html);
        Assert.Contains("Indiquez le libellé de la ligne (200 caractères au plus).", html);
        Assert.Contains("value=\"025\"", html);

        var ouverte = await (await Formulaire.LireAsync(cheffe, "/budget", "?handler=ligne")).EnvoyerAsync(cheffe, new() { ["Ligne.SousPolitique"] = "d200", ["Ligne.Nature"] = "65748", ["Ligne.Fonction"] = "025", ["Ligne.Libelle"] = "Plan intercommunal contre les discriminations" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, ouverte.StatusCode);
        Assert.Contains("Ligne budgétaire D200 / 65748 / 025 ouverte", (await cheffe.GetHtmlAsync(ouverte.Headers.Location!.OriginalString)).Replace("&#x27;", "'"));
        var credits = await EgalisFactory.PostFormAsync(cheffe, "/budget?handler=Crediter", new() { ["Credits.Annee"] = "2025", ["Credits.Montant"] = "20000" }, formPage: "/budget");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, credits.StatusCode);
        Assert.Contains("20 000,00 €", (await cheffe.GetHtmlAsync("/budget?Annee=2025")).Replace('\u202F', ' ').Replace('\u00A0', ' '));
        var double_ = await (await Formulaire.LireAsync(cheffe, "/budget", "?handler=ligne")).EnvoyerAsync(cheffe, new() { ["Ligne.SousPolitique"] = "D200", ["Ligne.Nature"] = "65748", ["Ligne.Fonction"] = "025", ["Ligne.Libelle"] = "Autre" });
        Assert.Contains("La ligne D200 / 65748 / 025 existe déjà.", await double_.ReadHtmlAsync());
    }

    /// <summary>Without a founding deliberation, the team builds its plan from the pages: its axes, then their actions.</summary>
    [Fact]
    [Soumet(typeof(Egalis.Web.Features.Plan.Pages.PilotageModel), "Axe")]
    public async Task Without_a_founding_deliberation_the_team_builds_its_plan_axis_by_axis()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        Assert.Contains("Le plan n&#x27;a pas encore d&#x27;axe ni d&#x27;action", (await cheffe.GetHtmlAsync("/plan/pilotage")).Replace("'", "&#x27;"));
        Assert.Contains("Le plan n&#x27;a pas encore d&#x27;action enregistrée", (await factory.Client().GetHtmlAsync("/plan")).Replace("'", "&#x27;"));

        // The status new elements take cannot go, even unused: an element added next would have none.
        var suppression = await EgalisFactory.PostFormAsync(cheffe, "/plan/statuts?handler=Supprimer&code=a-lancer", [], formPage: "/plan/statuts");
        Assert.Contains("Le statut « À lancer » est celui que prend une action nouvelle : il ne se supprime pas.", await suppression.ReadHtmlAsync());

        var vide = await (await Formulaire.LireAsync(cheffe, "/plan/pilotage", "?handler=axe")).EnvoyerAsync(cheffe, new() { ["Axe.Code"] = "A", ["Axe.Titre"] = "" });
        var html = (await vide.ReadHtmlAsync()).Replace("&#x27;", "'");
        Assert.Contains("Le numéro d'un axe est un nombre de 1 à 99.", html);
        Assert.Contains("Indiquez l'intitulé de l'axe.", html);
        var axe = await (await Formulaire.LireAsync(cheffe, "/plan/pilotage", "?handler=axe")).EnvoyerAsync(cheffe, new() { ["Axe.Code"] = "1", ["Axe.Titre"] = "Une agglomération exemplaire" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, axe.StatusCode);
        Assert.Equal("/plan/modifier/1", axe.Headers.Location?.OriginalString);
        var pageAxe = (await cheffe.GetHtmlAsync("/plan/modifier/1")).Replace("&#x27;", "'");
        Assert.Contains("Axe 1 ajouté : ajoutez-lui ses actions ci-dessous.", pageAxe);
        Assert.Contains("<h2 class=\"mt-5\">Ajouter une action</h2>", pageAxe);
        var action = await (await Formulaire.LireAsync(cheffe, "/plan/modifier/1", "?handler=ajoutersousaction")).EnvoyerAsync(cheffe, new() { ["NouvelleSousAction.Code"] = "1.1", ["NouvelleSousAction.Titre"] = "Former les agents d'accueil" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, action.StatusCode);
        var plan = (await factory.Client().GetHtmlAsync("/plan")).Replace("&#x27;", "'");
        Assert.Contains("Une agglomération exemplaire", plan);
        Assert.Contains("Former les agents d'accueil", plan);
        var double_ = await (await Formulaire.LireAsync(cheffe, "/plan/pilotage", "?handler=axe")).EnvoyerAsync(cheffe, new() { ["Axe.Code"] = "1", ["Axe.Titre"] = "Autre" });
        Assert.Contains("Le numéro 1 est déjà utilisé dans le plan.", await double_.ReadHtmlAsync());
    }

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
        Assert.Contains("Communauté d'agglomération du Val Fictif, communauté d'agglomération (SIREN 249999999), 1 place de la Mairie, 84901 Valfictif.", mentions);
        Assert.Contains("La plateforme est hébergée par le syndicat informatique du Val Fictif.", mentions);
        Assert.Contains("la déléguée à la protection des données de l'Agglomération (dpd@valfictif.fr)", (await factory.Client().GetHtmlAsync("/donneespersonnelles")).Replace("&#x27;", "'"));


        // An act of its council: its open data and ACTES identifier carry its SIRET, SIREN and département.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Data.EgalisDbContext>();
            var conseil = await db.Set<Egalis.Web.Features.Deliberations.Assemblee>().SingleAsync(a => a.Code == "CC");
            if (!await db.Set<Egalis.Web.Features.Deliberations.PointOrdreDuJour>().AnyAsync(p => p.NumeroActe == "2025_CC_012"))
            {
                var seance = new Egalis.Web.Features.Deliberations.Seance { AssembleeId = conseil.Id, Date = new DateOnly(2025, 3, 3), PolitiqueCode = Egalis.Web.Features.Deliberations.PolitiqueQuorum.DroitCommun.Code };
                db.Add(seance);
                await db.SaveChangesAsync();
                db.Add(new Egalis.Web.Features.Deliberations.PointOrdreDuJour
                {
                    SeanceId = seance.Id, Rang = 1, Objet = "Adoption du plan intercommunal contre les discriminations", MatiereCode = "8.5", NumeroActe = "2025_CC_012",
                    Delibere = true, ResultatSansDecompte = Egalis.Web.Features.Deliberations.ResultatDeliberation.Adoptee,
                });
                await db.SaveChangesAsync();
            }
        }
        var csv = await factory.Client().GetStringAsync("/api/v1/opendata/deliberations.csv");
        Assert.Contains("Communauté d'agglomération du Val Fictif,24999999900012,2025_CC_012,2025-03-03,", csv.Replace("\"", ""));
        Assert.Contains("084-249999999-20250303-2025_CC_012-DE", await factory.Client().GetStringAsync("/api/v1/deliberations"));

        // The invitation e-mail.
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        await EgalisFactory.PostFormAsync(admin, "/administration/utilisateur", new()
        {
            ["Input.NomComplet"] = "Nora Nouvelle", ["Input.Email"] = "nora.nouvelle@valfictif.fr", ["Input.Roles"] = Roles.Agent,
        });
        var message = await factory.Smtp.WaitForAsync("nora.nouvelle@valfictif.fr");
        Assert.Contains("la plateforme du « Plan intercommunal contre les discriminations » de la Communauté d'agglomération du Val Fictif", message.TextBody);
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
        var profil = Egalis.Web.Platform.Collectivite.ProfilCollectivite.Load(Config(null));
        Assert.Equal(("Métropole Aix-Marseille-Provence", "200054807", "20005480700017", "013"), (profil.Nom, profil.Siren, profil.Siret, profil.Departement));
    }

    [Fact]
    public void A_missing_or_incomplete_profile_stops_the_start_with_one_sentence()
    {
        var absent = Assert.Throws<Egalis.Web.Platform.Web.Hosting.InvalidConfigurationException>(() => Egalis.Web.Platform.Collectivite.ProfilCollectivite.Load(Config("/nulle/part/profil.json")));
        Assert.StartsWith("le profil de la collectivité est introuvable (/nulle/part/profil.json)", absent.Message);
        var incomplet = Path.Combine(Path.GetTempPath(), $"egalis-profil-incomplet-{Guid.NewGuid():N}.json");
        File.WriteAllText(incomplet, "{ \"nom\": \"Ville\" }");
        var erreur = Assert.Throws<Egalis.Web.Platform.Web.Hosting.InvalidConfigurationException>(() => Egalis.Web.Platform.Collectivite.ProfilCollectivite.Load(Config(incomplet)));
        Assert.StartsWith($"le profil de la collectivité ({incomplet}) est incomplet ou mal formé", erreur.Message);
        File.Delete(incomplet);
    }
}
