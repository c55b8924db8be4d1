using Egalis.Web.Features.Plan.Pages;
using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Plan;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Plan;

public class PlanTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<JsonElement> PlanJsonAsync()
    {
        var response = await factory.Client().GetAsync("/api/v1/plan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Action(JsonElement plan, string code) =>
        plan.GetProperty("axes").EnumerateArray().SelectMany(a => a.GetProperty("actions").EnumerateArray()).Single(a => a.GetProperty("code").GetString() == code);

    private static Dictionary<string, string> Formulaire(string titre, string statut, string? progression = null, int version = 0, string? debut = null, string? fin = null) => new()
    {
        ["Input.Titre"] = titre, ["Input.StatutCode"] = statut, ["Input.Progression"] = progression ?? "", ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.DateDebut"] = debut ?? "", ["Input.DateFin"] = fin ?? "", ["Input.Territoires"] = "METROPOLE",
    };

    private async Task<int> VersionAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<ElementPlan>().Where(e => e.Code == code).Select(e => e.Version).SingleAsync();
    }

    [Fact]
    public async Task The_founding_plan_is_seeded_with_its_two_axes_and_fourteen_actions()
    {
        var plan = await PlanJsonAsync();
        Assert.Equal("PMLCD", plan.GetProperty("code").GetString());
        Assert.Equal("Plan Métropolitain de Prévention et de Lutte Contre les Discriminations", plan.GetProperty("titre").GetString());
        var axes = plan.GetProperty("axes").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], axes.Select(a => a.GetProperty("code").GetString()));
        Assert.StartsWith("La Métropole : une institution exemplaire", axes[0].GetProperty("titre").GetString());
        Assert.Equal([7, 7], axes.Select(a => a.GetProperty("actions").GetArrayLength()));
        var workshop = Action(plan, "2.5");
        Assert.Equal("Fonds d'Initiative Annuel innovant", workshop.GetProperty("titre").GetString());
        Assert.Equal("a-lancer", workshop.GetProperty("statut").GetString());
        Assert.Equal(0, workshop.GetProperty("progression").GetInt32());
        Assert.Equal(JsonValueKind.Array, workshop.GetProperty("enfants").ValueKind);
        Assert.True(workshop.TryGetProperty("dateDebut", out _));
    }

    [Fact]
    public async Task Seeding_again_creates_nothing_and_keeps_the_teams_edits()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var guide = await db.Set<ElementPlan>().SingleAsync(e => e.Code == "1.4");
        guide.Description = "Rédigé avec le Défenseur des droits";
        await db.SaveChangesAsync();
        await new PlanSeeder().SeedAsync(db, scope.ServiceProvider, default);
        db.ChangeTracker.Clear();
        Assert.Equal(16, await db.Set<ElementPlan>().CountAsync(e => e.PlanCode == "PMLCD"));
        Assert.Equal("Rédigé avec le Défenseur des droits", (await db.Set<ElementPlan>().SingleAsync(e => e.Code == "1.4")).Description);
    }

    [Fact]
    public async Task The_public_page_shows_every_action_with_its_figure_in_text()
    {
        var html = await factory.Client().GetHtmlAsync("/plan");
        Assert.Contains("<h1>Où en est le plan ?</h1>", html);
        Assert.Contains("Campagne de communication annuelle", html);
        Assert.Contains("<caption>Actions de l'axe 2</caption>", html);
        Assert.Contains("role=\"img\" aria-labelledby=\"graphique-plan-titre graphique-plan-desc\"", html);
        Assert.Matches("<progress class=\"avancement\" max=\"100\" value=\"\\d+\" aria-label=\"Avancement de l'action 1.1\">", html);
        Assert.Contains("<span class=\"avancement-texte\">", html);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/plan/action/9.9")).StatusCode);
    }

    [Fact]
    public async Task The_public_page_shows_the_2020_budget()
    {
        var html = await factory.Client().GetHtmlAsync("/plan");
        Assert.Contains($"Crédits votés pour 2020 : <strong>{Egalis.Web.Features.Budget.Euros.Format(60_000m)}</strong>", html);
        Assert.Contains("D110 / 65748 / 552", html);
        Assert.Contains("href=\"/api/v1/budget/2020\"", html);
        // An unknown year falls back to the latest one.
        Assert.Contains("Crédits votés pour 2020", await factory.Client().GetHtmlAsync("/plan?annee=1850"));
    }

    [Fact]
    public async Task The_dashboard_shows_budget_consumption_per_action()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var budget = scope.ServiceProvider.GetRequiredService<Egalis.Web.Features.Budget.BudgetService>();
            var credit = await db.Set<Egalis.Web.Features.Budget.Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).SingleAsync();
            var allocation = await budget.AllouerAsync(credit, "1.3", 20_000m);
            await budget.EngagerAsync(allocation.Id!.Value, 5_000m, "CNFPT", "Sessions de formation", new DateOnly(2020, 4, 1));
        }
        var html = await cheffe.GetHtmlAsync("/plan/pilotage");
        Assert.Contains("<h2>Consommation du budget</h2>", html);
        Assert.Contains("25 % engagé", html);
        Assert.Contains("<caption>Emploi des crédits 2020 par action</caption>", html);
    }

    [Fact]
    public async Task The_team_changes_a_status_and_the_progress_rolls_up()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var response = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.2",
            Formulaire("Conférence managériale autour des discriminations", "realise", version: await VersionAsync("1.2"), debut: "2020-03-01", fin: "2020-06-30"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await PlanJsonAsync();
        Assert.Equal(100, Action(plan, "1.2").GetProperty("progression").GetInt32());
        Assert.Equal("2020-06-30", Action(plan, "1.2").GetProperty("dateFin").GetString());
        var axe1 = plan.GetProperty("axes")[0];
        var expected = (int)Math.Round(axe1.GetProperty("actions").EnumerateArray().Average(a => a.GetProperty("progression").GetInt32()), MidpointRounding.AwayFromZero);
        Assert.Equal(expected, axe1.GetProperty("progression").GetInt32());
        Assert.True(axe1.GetProperty("progression").GetInt32() >= 14);

        using var scope = factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().AuditEntries
            .Where(e => e.Entite == nameof(ElementPlan) && e.Action == "modification").ToListAsync();
        Assert.Contains(audit, e => e.Qui == "Camille Chef de projet (cheffe.projet@egalis.local)" && e.Module == "Plan" && e.Lien == "/plan/action/1.2"
            && e.Resume.StartsWith("Modification de l'action 1.2 « ", StringComparison.Ordinal) && e.Resume.Contains("statut : a-lancer → realise") && e.Resume.Contains("fin : vide → 30/06/2020"));
    }

    [Fact]
    [Soumet(typeof(ModifierModel))]
    public async Task Bad_input_is_refused_field_by_field_with_the_input_kept()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var version = await VersionAsync("2.1");
        var response = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/2.1",
            Formulaire("Veille renouvelée", "en-cours", progression: "150", version: version, debut: "2021-05-01", fin: "2021-01-01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("L'avancement est un nombre entre 0 et 100.", html);
        Assert.Contains("La date de fin doit être postérieure à la date de début.", html);
        Assert.Contains("value=\"Veille renouvelée\"", html);
        Assert.Contains("value=\"2021-05-01\"", html);

        var realise = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/2.1", Formulaire("Veille", "realise", progression: "30", version: version));
        Assert.Contains("Une action « Réalisé » est à 100 %", await realise.ReadHtmlAsync());
        var texte = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/2.1", Formulaire("Veille", "en-cours", progression: "beaucoup", version: version));
        Assert.Contains("« beaucoup » n'est pas une valeur valide pour Avancement (%)", await texte.ReadHtmlAsync());

        Assert.Equal("État des lieux de l'offre et veille stratégique", Action(await PlanJsonAsync(), "2.1").GetProperty("titre").GetString());
        Assert.Equal(version, await VersionAsync("2.1"));
    }

    [Fact]
    public async Task Two_people_editing_at_once_cannot_overwrite_each_other()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var assistant = await factory.SignedInAsAsync(Roles.Assistant);
        var version = await VersionAsync("2.4");
        var premier = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/2.4", Formulaire("Réseau des référents", "en-cours", version: version));
        Assert.Equal(HttpStatusCode.Redirect, premier.StatusCode);

        // The assistant started from the same version and saves after.
        var second = await EgalisFactory.PostFormAsync(assistant, "/plan/modifier/2.4", Formulaire("Réseau des territoires", "realise", version: version));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.ReadHtmlAsync();
        Assert.Contains("Quelqu'un a modifié cette fiche pendant que vous la modifiiez", html);
        Assert.Contains("intitulé « Réseau des référents »", html);
        Assert.Contains("value=\"Réseau des territoires\"", html);
        Assert.Equal("Réseau des référents", Action(await PlanJsonAsync(), "2.4").GetProperty("titre").GetString());

        // Saving again from the conflict page is a deliberate choice, and goes through.
        var again = await EgalisFactory.PostFormAsync(assistant, "/plan/modifier/2.4", Formulaire("Réseau des territoires", "realise", version: version + 1));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Réseau des territoires", Action(await PlanJsonAsync(), "2.4").GetProperty("titre").GetString());
    }

    [Fact]
    [Soumet(typeof(ModifierModel), "AjouterJalon")]
    [Soumet(typeof(ModifierModel), "JalonAtteint")]
    [Soumet(typeof(ModifierModel), "SupprimerJalon")]
    public async Task Milestones_are_added_shown_late_and_marked_reached()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var response = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.5?handler=AjouterJalon", new()
        {
            ["NouveauJalon.Date"] = "2021-06-30", ["NouveauJalon.Titre"] = "Dépôt du dossier de candidature AFNOR",
        }, formPage: "/plan/modifier/1.5");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pilotage = await cheffe.GetHtmlAsync("/plan/pilotage");
        Assert.Contains("Dépôt du dossier de candidature AFNOR", pilotage);
        Assert.Contains("class=\"en-retard\"", pilotage);
        Assert.Contains("en retard", await factory.Client().GetHtmlAsync("/plan/action/1.5"));

        int jalon;
        using (var scope = factory.Services.CreateScope())
        {
            jalon = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Jalon>().Where(j => j.Titre.StartsWith("Dépôt du dossier")).Select(j => j.Id).SingleAsync();
        }
        // The same milestone through another action's page is refused.
        var ailleurs = await EgalisFactory.PostBrutAsync(cheffe, $"/plan/modifier/1.1?handler=JalonAtteint&jalon={jalon}", [], formPage: "/plan/modifier/1.1");
        Assert.Equal(HttpStatusCode.NotFound, ailleurs.StatusCode);
        var atteint = await EgalisFactory.PostFormAsync(cheffe, $"/plan/modifier/1.5?handler=JalonAtteint&jalon={jalon}", [], formPage: "/plan/modifier/1.5");
        Assert.Equal(HttpStatusCode.Redirect, atteint.StatusCode);
        Assert.DoesNotContain("Dépôt du dossier de candidature AFNOR", await cheffe.GetHtmlAsync("/plan/pilotage"));

        var vide = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.5?handler=AjouterJalon", new() { ["NouveauJalon.Date"] = "", ["NouveauJalon.Titre"] = "" }, formPage: "/plan/modifier/1.5");
        var html = await vide.ReadHtmlAsync();
        Assert.Contains("Indiquez la date du jalon.", html);
        Assert.Contains("Indiquez l'intitulé du jalon.", html);
        Assert.DoesNotContain("Indiquez l'intitulé.", html);

        // A milestone entered by mistake is deleted from its action's page, and from there only.
        await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.5?handler=AjouterJalon", new() { ["NouveauJalon.Date"] = "2027-01-15", ["NouveauJalon.Titre"] = "Jalon saisi par erreur" }, formPage: "/plan/modifier/1.5");
        int erreur;
        using (var scope = factory.Services.CreateScope())
        {
            erreur = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Jalon>().Where(j => j.Titre == "Jalon saisi par erreur").Select(j => j.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await EgalisFactory.PostBrutAsync(cheffe, $"/plan/modifier/1.1?handler=SupprimerJalon&jalon={erreur}", [], formPage: "/plan/modifier/1.1")).StatusCode);
        var supprime = await EgalisFactory.PostFormAsync(cheffe, $"/plan/modifier/1.5?handler=SupprimerJalon&jalon={erreur}", [], formPage: "/plan/modifier/1.5");
        Assert.Equal(HttpStatusCode.Redirect, supprime.StatusCode);
        Assert.Contains("Jalon supprimé.", await cheffe.GetHtmlAsync(supprime.Headers.Location!.OriginalString));
        Assert.DoesNotContain("Jalon saisi par erreur", await factory.Client().GetHtmlAsync("/plan/action/1.5"));
    }

    [Fact]
    public async Task A_sub_action_drives_its_parents_progress()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var mauvais = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.3?handler=AjouterSousAction", new() { ["NouvelleSousAction.Code"] = "2.9", ["NouvelleSousAction.Titre"] = "x" }, formPage: "/plan/modifier/1.3");
        Assert.Contains("commence par « 1.3. »", await mauvais.ReadHtmlAsync());
        var ajout = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.3?handler=AjouterSousAction", new() { ["NouvelleSousAction.Code"] = "1.3.1", ["NouvelleSousAction.Titre"] = "Module e-learning CNFPT" }, formPage: "/plan/modifier/1.3");
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        var doublon = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.3?handler=AjouterSousAction", new() { ["NouvelleSousAction.Code"] = "1.3.1", ["NouvelleSousAction.Titre"] = "Autre" }, formPage: "/plan/modifier/1.3");
        Assert.Contains("Le code 1.3.1 est déjà utilisé", await doublon.ReadHtmlAsync());

        var maj = await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.3.1", Formulaire("Module e-learning CNFPT", "en-cours", progression: "80", version: await VersionAsync("1.3.1")));
        Assert.Equal(HttpStatusCode.Redirect, maj.StatusCode);
        var action = Action(await PlanJsonAsync(), "1.3");
        Assert.Equal(80, action.GetProperty("progression").GetInt32());
        Assert.Equal("1.3.1", action.GetProperty("enfants")[0].GetProperty("code").GetString());
        Assert.Contains("L'avancement est calculé", await cheffe.GetHtmlAsync("/plan/modifier/1.3"));
        using var scope = factory.Services.CreateScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<ElementPlan>().SingleAsync(e => e.Code == "1.3")).Progression);
    }

    [Fact]
    public async Task Only_the_plans_team_may_write()
    {
        var agent = await factory.SignedInAsAsync(Roles.Agent);
        var token = EgalisFactory.AntiforgeryToken(await agent.GetStringAsync("/"));
        var fields = Formulaire("Piratage", "realise", version: await VersionAsync("1.1"));
        fields["__RequestVerificationToken"] = token;
        var response = await agent.PostAsync("/plan/modifier/1.1", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await response.Content.ReadAsStringAsync());
        Assert.NotEqual("Piratage", Action(await PlanJsonAsync(), "1.1").GetProperty("titre").GetString());
    }
}

public class StatutsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    [Soumet(typeof(StatutsModel))]
    [Soumet(typeof(StatutsModel), "Supprimer")]
    public async Task The_team_adds_a_status_whose_default_progress_is_used()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var ajout = await EgalisFactory.PostFormAsync(cheffe, "/plan/statuts", new() { ["Input.Code"] = "presque", ["Input.Libelle"] = "Presque terminé", ["Input.ProgressionParDefaut"] = "90", ["Input.Ordre"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        int version;
        using (var scope = factory.Services.CreateScope())
        {
            version = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<ElementPlan>().Where(e => e.Code == "2.2").Select(e => e.Version).SingleAsync();
        }
        await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/2.2", new()
        {
            ["Input.Titre"] = "Création ou valorisation d'outils spécifiques", ["Input.StatutCode"] = "presque", ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var plan = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/plan")).RootElement;
        var action = plan.GetProperty("axes")[1].GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "2.2");
        Assert.Equal(90, action.GetProperty("progression").GetInt32());

        // A status in use offers no deletion; posted anyway, it is refused.
        Assert.DoesNotContain("code=presque", await cheffe.GetStringAsync("/plan/statuts"));
        var suppression = await EgalisFactory.PostBrutAsync(cheffe, "/plan/statuts?handler=Supprimer&code=presque", [], formPage: "/plan/statuts");
        Assert.Contains("est utilisé par des actions", await suppression.ReadHtmlAsync());
        var mauvais = await EgalisFactory.PostFormAsync(cheffe, "/plan/statuts", new() { ["Input.Code"] = "Mauvais Code", ["Input.Libelle"] = "", ["Input.ProgressionParDefaut"] = "120", ["Input.Ordre"] = "1" });
        var html = await mauvais.ReadHtmlAsync();
        Assert.Contains("Le code est fait de 2 à 30 minuscules", html);
        Assert.Contains("L'avancement par défaut est un nombre de 0 à 100.", html);

        // A status no action uses is deleted through its button.
        await EgalisFactory.PostFormAsync(cheffe, "/plan/statuts", new() { ["Input.Code"] = "en-pause", ["Input.Libelle"] = "En pause", ["Input.Ordre"] = "4" });
        var supprime = await EgalisFactory.PostFormAsync(cheffe, "/plan/statuts?handler=Supprimer&code=en-pause", [], formPage: "/plan/statuts");
        Assert.Equal(HttpStatusCode.Redirect, supprime.StatusCode);
        Assert.Contains("Statut « En pause » supprimé.", await cheffe.GetHtmlAsync("/plan/statuts"));
    }
}
