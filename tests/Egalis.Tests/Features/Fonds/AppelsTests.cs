using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GestionAppel = Egalis.Web.Features.Fonds.Pages.Gestion.AppelModel;
using GestionIndex = Egalis.Web.Features.Fonds.Pages.Gestion.IndexModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>Calls for projects: written as drafts, published, closed and withdrawn by the team; public once published only.</summary>
public class AppelsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static ClaimsPrincipal Personne(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "id-" + role), new Claim(ClaimTypes.Name, "Camille " + role), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>An envelope for the fund: 20 000 € of the 2020 credits allocated to action 2.5.</summary>
    private async Task<int> EnveloppeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var credit = await db.Set<Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).FirstAsync();
        var resultat = await scope.ServiceProvider.GetRequiredService<BudgetService>().AllouerAsync(credit, AppelsService.ActionDuFonds, 20_000m);
        Assert.True(resultat.Ok, resultat.Error);
        return resultat.Id!.Value;
    }

    private static AppelsService.Saisie Saisie(string titre, int? enveloppe = null, params AppelsService.Critere[] criteres) => new(
        2027, titre, "Objet de l'appel.", new DateOnly(2026, 1, 5), new TimeOnly(9, 0), new DateOnly(2099, 3, 29), new TimeOnly(12, 0),
        enveloppe, true, true, [], true, 15_000m, 80, 2,
        criteres.Length == 0 ? [new AppelsService.Critere("Pertinence", 3, 5)] : criteres);

    [Fact]
    public async Task Every_allowed_step_is_taken_and_every_other_one_refused_with_the_states_in_words()
    {
        var enveloppe = await EnveloppeAsync();
        using var scope = factory.Services.CreateScope();
        var appels = scope.ServiceProvider.GetRequiredService<AppelsService>();
        var cheffe = Personne(Roles.ChefDeProjet);
        var cree = await appels.CreerAsync(Saisie("Appel des étapes", enveloppe), default);
        Assert.True(cree.Ok, cree.Error);
        var id = cree.Id!.Value;

        async Task<Result> VersAsync(StatutAppel vers, string? motif = null, ClaimsPrincipal? qui = null)
        {
            using var s = factory.Services.CreateScope();
            var db = s.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var version = await db.Set<AppelAProjets>().Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
            return await s.ServiceProvider.GetRequiredService<AppelsService>().ChangerStatutAsync(id, version, vers, qui ?? cheffe, motif, default);
        }

        var refus = await VersAsync(StatutAppel.Clos);
        Assert.Equal("Un appel à projets « brouillon » ne peut pas passer à « clos ».", refus.Error);
        Assert.Equal("Un appel à projets « brouillon » ne peut pas passer à « dépublié ».", (await VersAsync(StatutAppel.Depublie, "retrait")).Error);
        Assert.Equal("Un appel à projets « brouillon » ne peut pas passer à « brouillon ».", (await VersAsync(StatutAppel.Brouillon)).Error);
        // Someone without the capability: refused, whatever the step.
        Assert.Equal("Vous n'avez pas le droit de faire passer cet enregistrement à « publié ».", (await VersAsync(StatutAppel.Publie, qui: Personne(Roles.Porteur))).Error);
        Assert.Equal("Vous n'avez pas le droit de faire passer cet enregistrement à « publié ».", (await VersAsync(StatutAppel.Publie, qui: Personne(Roles.ReferentTerritoire))).Error);

        Assert.True((await VersAsync(StatutAppel.Publie)).Ok);
        Assert.Equal("Un appel à projets « publié » ne peut pas passer à « brouillon ».", (await VersAsync(StatutAppel.Brouillon)).Error);
        Assert.Equal("Un appel à projets « publié » ne peut pas passer à « publié ».", (await VersAsync(StatutAppel.Publie)).Error);
        Assert.True((await VersAsync(StatutAppel.Clos)).Ok);
        Assert.Equal("Un appel à projets « clos » ne peut pas passer à « dépublié ».", (await VersAsync(StatutAppel.Depublie, "retrait")).Error);
        Assert.Equal("Un appel à projets « clos » ne peut pas passer à « brouillon ».", (await VersAsync(StatutAppel.Brouillon)).Error);
        Assert.True((await VersAsync(StatutAppel.Publie)).Ok);
        var sansMotif = await VersAsync(StatutAppel.Depublie, "  ");
        Assert.Equal([("Motif", "Indiquez pourquoi l'appel est retiré : les porteurs le liront.")], sansMotif.Errors);
        Assert.True((await VersAsync(StatutAppel.Depublie, "Règlement à revoir")).Ok);
        Assert.Equal("Un appel à projets « dépublié » ne peut pas passer à « clos ».", (await VersAsync(StatutAppel.Clos)).Error);
        Assert.Equal("Un appel à projets « dépublié » ne peut pas passer à « brouillon ».", (await VersAsync(StatutAppel.Brouillon)).Error);
        Assert.True((await VersAsync(StatutAppel.Publie)).Ok);

        var historique = await scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Workflows.Workflows>()
            .HistoryAsync(AppelsService.Workflow, id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        Assert.Equal(
            ["brouillon → publié", "publié → clos", "clos → publié", "publié → dépublié (Règlement à revoir)", "dépublié → publié"],
            historique.Select(h => $"{h.De} → {h.Vers}{(h.Etape.Motif is null ? "" : $" ({h.Etape.Motif})")}"));
        Assert.All(historique, h => Assert.Equal("Camille ChefDeProjet", h.Etape.Par));
    }

    [Fact]
    public async Task A_call_is_published_only_with_an_envelope_a_grid_and_a_closing_time_to_come()
    {
        using var scope = factory.Services.CreateScope();
        var appels = scope.ServiceProvider.GetRequiredService<AppelsService>();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var saisie = Saisie("Appel incomplet") with { Criteres = [new AppelsService.Critere("", null, null)] };
        var id = (await appels.CreerAsync(saisie, default)).Id!.Value;
        db.ChangeTracker.Clear();
        var resultat = await appels.ChangerStatutAsync(id, 0, StatutAppel.Publie, Personne(Roles.Assistant), null, default);
        Assert.Equal(
            [("AllocationId", "Pour publier l'appel, choisissez son enveloppe."), ("Criteres", "Pour publier l'appel, donnez-lui au moins un critère de notation.")],
            resultat.Errors);
        Assert.Equal(StatutAppel.Brouillon, await db.Set<AppelAProjets>().Where(a => a.Id == id).Select(a => a.Statut).SingleAsync());
        Assert.False(await db.Set<Egalis.Web.Platform.Workflows.WorkflowStep>().AnyAsync(e => e.Type == AppelsService.Workflow.Type && e.EnregistrementId == id.ToString()));

        // A closing time already past.
        var passe = Saisie("Appel passé", await EnveloppeAutreAsync()) with { OuvertureJour = new DateOnly(2025, 1, 6), ClotureJour = new DateOnly(2025, 3, 31) };
        var idPasse = (await appels.CreerAsync(passe, default)).Id!.Value;
        db.ChangeTracker.Clear();
        Assert.Equal([("ClotureJour", "Pour publier l'appel, reportez sa clôture : elle est passée.")],
            (await appels.ChangerStatutAsync(idPasse, 0, StatutAppel.Publie, Personne(Roles.Assistant), null, default)).Errors);
    }

    private async Task<int> EnveloppeAutreAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        return await db.Set<Allocation>().Where(a => a.ActionCode == AppelsService.ActionDuFonds).Select(a => a.Id).FirstOrDefaultAsync() is var id and > 0 ? id : await EnveloppeAsync();
    }

    [Fact]
    public async Task A_call_is_checked_field_by_field()
    {
        using var scope = factory.Services.CreateScope();
        var appels = scope.ServiceProvider.GetRequiredService<AppelsService>();
        var saisie = new AppelsService.Saisie(1999, " ", null, new DateOnly(2026, 3, 29), new TimeOnly(2, 30), new DateOnly(2026, 3, 1), null,
            99_999, false, false, ["CT9"], true, -5m, 0, 0,
            [new("Pertinence", 0, 21), new(null, 2, null), new(new string('x', 201), 1, 5)]);
        var resultat = await appels.CreerAsync(saisie, default);
        Assert.Equal(
        [
            ("Titre", "Indiquez le titre de l'appel."),
            ("OuvertureHeure", "Le 29/03/2026 à 02:30 n'existe pas à Paris : c'est l'heure sautée au passage à l'heure d'été. Choisissez une autre heure."),
            ("ClotureHeure", "Indiquez l'heure de clôture."),
            ("Annee", "L'année doit être comprise entre 2019 et 2100."),
            ("AllocationId", "Choisissez une enveloppe parmi les allocations de l'action 2.5."),
            ("OuvertAuxAssociations", "Ouvrez l'appel aux associations, aux communes, ou aux deux."),
            ("Territoires", "Choisissez les territoires dans la liste."),
            ("MontantMaximum", "Le montant ne peut pas être négatif."),
            ("PartMaximale", "La part maximale du coût du projet est un pourcentage entre 1 et 100."),
            ("NotesRequises", "Le nombre de notations requises va de 1 à 10."),
            ("Criteres[0].Poids", "Le poids du critère « Pertinence » est un nombre entier de 1 à 100."),
            ("Criteres[0].Echelle", "La note maximale du critère « Pertinence » est un nombre entier de 1 à 20."),
            ("Criteres[1].Libelle", "Nommez le critère 2, ou effacez son poids et sa note maximale."),
            ("Criteres[2].Libelle", "L'intitulé d'un critère ne doit pas dépasser 200 caractères."),
        ], resultat.Errors);
        var ordre = await appels.CreerAsync(Saisie("Dates à l'envers") with { ClotureJour = new DateOnly(2026, 1, 5), ClotureHeure = new TimeOnly(9, 0) }, default);
        Assert.Equal([("ClotureJour", "La clôture vient après l'ouverture.")], ordre.Errors);
        var trop = await appels.CreerAsync(Saisie("Trop de critères", null, [.. Enumerable.Range(1, 13).Select(i => new AppelsService.Critere($"C{i}", 1, 5))]), default);
        Assert.Equal([("Criteres", "La grille compte au plus 12 critères.")], trop.Errors);
        Assert.True((await appels.CreerAsync(Saisie("Titre unique"), default)).Ok);
        var double_ = await appels.CreerAsync(Saisie("Titre unique"), default);
        Assert.Equal([("Titre", "Un appel à projets 2027 porte déjà ce titre.")], double_.Errors);
    }

    [Fact]
    [Soumet(typeof(GestionAppel))]
    [Soumet(typeof(GestionAppel), "Statut")]
    public async Task The_team_writes_a_draft_publishes_it_corrects_it_and_withdraws_it_through_the_forms()
    {
        var enveloppe = await EnveloppeAsync();
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var visiteur = factory.Client();
        var nouveau = await Formulaire.LireAsync(cheffe, "/fonds/gestion/appel");
        // The grid starts with four suggested criteria.
        Assert.Equal("Caractère innovant", nouveau.Valeur("Input.Criteres[2].Libelle"));

        var mauvais = await nouveau.EnvoyerAsync(cheffe, new()
        {
            ["Input.Titre"] = "Appel à projets 2027 : agir contre les discriminations", ["Input.OuvertureJour"] = "2026-03-29", ["Input.OuvertureHeure"] = "02:30",
            ["Input.ClotureJour"] = "2099-03-29", ["Input.ClotureHeure"] = "12:00", ["Input.MontantMaximum"] = "15 000", ["Input.PartMaximale"] = "180",
        });
        Assert.Equal(HttpStatusCode.OK, mauvais.StatusCode);
        var html = await mauvais.ReadHtmlAsync();
        Assert.Contains("La part maximale du coût du projet est un pourcentage entre 1 et 100.", html);
        Assert.Contains("value=\"Appel à projets 2027 : agir contre les discriminations\"", html);
        // The boxes ticked by default are still ticked.
        Assert.Contains("name=\"Input.OuvertAuxAssociations\" value=\"true\" checked", html);
        Assert.Contains("name=\"Input.PrioriteSansPlanLocal\" value=\"true\" checked", html);
        var heureSautee = await nouveau.EnvoyerAsync(cheffe, new()
        {
            ["Input.Titre"] = "Appel à projets 2027 : agir contre les discriminations", ["Input.OuvertureJour"] = "2026-03-29", ["Input.OuvertureHeure"] = "02:30",
            ["Input.ClotureJour"] = "2099-03-29", ["Input.ClotureHeure"] = "12:00", ["Input.MontantMaximum"] = "15 000", ["Input.PartMaximale"] = "80",
        });
        html = await heureSautee.ReadHtmlAsync();
        Assert.Contains("Le 29/03/2026 à 02:30 n'existe pas à Paris : c'est l'heure sautée au passage à l'heure d'été. Choisissez une autre heure.", html);
        Assert.Contains("value=\"15 000\"", html);

        var cree = await nouveau.EnvoyerAsync(cheffe, new()
        {
            ["Input.Annee"] = "2027", ["Input.Titre"] = "Appel à projets 2027 : agir contre les discriminations", ["Input.Reglement"] = "Premier paragraphe.\n\nSecond paragraphe.",
            ["Input.OuvertureJour"] = "2026-03-02", ["Input.OuvertureHeure"] = "09:00", ["Input.ClotureJour"] = "2099-03-29", ["Input.ClotureHeure"] = "12:00",
            ["Input.MontantMaximum"] = "15 000", ["Input.PartMaximale"] = "80", ["Input.Territoires"] = "CT2",
        });
        Assert.Equal(HttpStatusCode.Redirect, cree.StatusCode);
        var url = cree.Headers.Location!.OriginalString;
        var id = int.Parse(Regex.Match(url, @"/fonds/gestion/appel/(\d+)$").Groups[1].Value);
        var page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Appel à projets enregistré en brouillon : il n'est pas public tant qu'il n'est pas publié.", page);

        // A draft is not public, not even to the team through the public address.
        Assert.Equal(HttpStatusCode.NotFound, (await visiteur.GetAsync($"/fonds/appel/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cheffe.GetAsync($"/fonds/appel/{id}")).StatusCode);
        Assert.DoesNotContain("agir contre les discriminations", await visiteur.GetHtmlAsync("/fonds"));

        // Publishing without an envelope is refused and says why.
        var publier = await Formulaire.LireAsync(cheffe, url, $"?handler=Statut&vers=Publie");
        var refus = await publier.EnvoyerAsync(cheffe);
        Assert.Contains("Pour publier l'appel, choisissez son enveloppe.", await refus.ReadHtmlAsync());

        var modifier = await Formulaire.LireAsync(cheffe, url, $"/fonds/gestion/appel/{id}");
        Assert.Equal("2099-03-29", modifier.Valeur("Input.ClotureJour"));
        Assert.Equal("12:00", modifier.Valeur("Input.ClotureHeure"));
        Assert.Equal(HttpStatusCode.Redirect, (await modifier.EnvoyerAsync(cheffe, new() { ["Input.AllocationId"] = enveloppe.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, $"?handler=Statut&vers=Publie")).EnvoyerAsync(cheffe)).StatusCode);
        Assert.Contains("Appel publié : il est en ligne sur la page du fonds d'initiative.", await cheffe.GetHtmlAsync(url));

        // Public now, in Paris time, with its rules.
        var publique = await visiteur.GetHtmlAsync($"/fonds/appel/{id}");
        Assert.Contains("Appel ouvert : les dossiers se déposent jusqu'au 29/03/2099 à 12:00 (heure de Paris).", publique);
        Assert.Contains("Pays d'Aix", publique);
        Assert.Contains("15\u202F000,00 €", publique);
        Assert.Contains("80 %", publique);
        Assert.Contains("<p>Second paragraphe.</p>", publique);
        Assert.Contains("Vitrolles", publique);
        Assert.Contains("agir contre les discriminations", await visiteur.GetHtmlAsync("/fonds"));

        // Once published, the rules are fixed: the form no longer offers them, and a forged field changes nothing.
        var corriger = await Formulaire.LireAsync(cheffe, url, $"/fonds/gestion/appel/{id}");
        Assert.Null(corriger.Valeur("Input.PartMaximale"));
        Assert.Null(corriger.Valeur("Input.OuvertureJour"));
        var corrige = await cheffe.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = corriger.Valeur("__RequestVerificationToken")!, ["Input.Version"] = corriger.Valeur("Input.Version")!,
            ["Input.Titre"] = "Appel à projets 2027 : agir ensemble contre les discriminations", ["Input.ClotureJour"] = "2099-03-30", ["Input.ClotureHeure"] = "18:00",
            ["Input.PartMaximale"] = "100", ["Input.NotesRequises"] = "0", ["Input.Annee"] = "1850",
        }));
        Assert.Equal(HttpStatusCode.Redirect, corrige.StatusCode);
        publique = await visiteur.GetHtmlAsync($"/fonds/appel/{id}");
        Assert.Contains("agir ensemble contre les discriminations", publique);
        Assert.Contains("30/03/2099 à 18:00", publique);
        Assert.Contains("80 %", publique);
        Assert.DoesNotContain("100 %", publique);

        // The form read before that correction is stale: a message, nothing saved, the input kept.
        var perime = await corriger.EnvoyerAsync(cheffe, new() { ["Input.Titre"] = "Titre d'une saisie périmée" });
        var messagePerime = await perime.ReadHtmlAsync();
        Assert.Contains("Cette fiche a été modifiée par quelqu'un d'autre pendant votre saisie : rien n'a été enregistré. Enregistré entre-temps : titre « Appel à projets 2027 : agir ensemble contre les discriminations », statut « publié ».", messagePerime);
        Assert.Contains("value=\"Titre d'une saisie périmée\"", messagePerime);
        // Sent again, it is checked against what is recorded now, and saved.
        Assert.Equal(HttpStatusCode.Redirect, (await Formulaire.Depuis(await perime.Content.ReadAsStringAsync(), url, url).EnvoyerAsync(cheffe)).StatusCode);
        Assert.Contains("Titre d'une saisie périmée", await visiteur.GetHtmlAsync($"/fonds/appel/{id}"));

        // Withdrawn with a reason: no longer public; the history says who and why.
        var depublier = await Formulaire.LireAsync(cheffe, url, $"?handler=Statut&vers=Depublie");
        Assert.Contains("Indiquez pourquoi l'appel est retiré", await (await depublier.EnvoyerAsync(cheffe, new() { ["Motif"] = "" })).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await depublier.EnvoyerAsync(cheffe, new() { ["Motif"] = "Enveloppe à revoir" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visiteur.GetAsync($"/fonds/appel/{id}")).StatusCode);
        var gestion = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Enveloppe à revoir", gestion);
        Assert.Contains("de « publié » à « dépublié »", gestion);
        Assert.Contains("Camille Chef de projet", gestion);
    }

    [Fact]
    [Soumet(typeof(GestionIndex), "PlanLocal")]
    [Soumet(typeof(GestionIndex), "Retirer")]
    public async Task The_team_keeps_the_list_of_communes_with_a_local_plan()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.Assistant);
        var page = await cheffe.GetHtmlAsync("/fonds/gestion");
        foreach (var commune in new[] { "La Ciotat", "Vitrolles", "Salon-de-Provence", "Miramas", "Martigues", "Port-de-Bouc", "Saint-Mitre-les-Remparts" })
        {
            Assert.Contains($"<th scope=\"row\">{commune}</th>", page);
        }
        var ajouter = await Formulaire.LireAsync(cheffe, "/fonds/gestion", "?handler=PlanLocal");
        var sansSource = await ajouter.EnvoyerAsync(cheffe, new() { ["PlanLocal.CommuneCodeInsee"] = "13001" });
        Assert.Contains("Indiquez d'où vient l'information", await sansSource.ReadHtmlAsync());
        // A commune the list does not offer (a forged request).
        var inconnue = await EgalisFactory.PostBrutAsync(cheffe, "/fonds/gestion?handler=PlanLocal", new() { ["PlanLocal.CommuneCodeInsee"] = "75056", ["PlanLocal.Source"] = "Délibération" }, "/fonds/gestion");
        Assert.Contains("Choisissez la commune dans la liste.", await inconnue.ReadHtmlAsync());
        var ajoute = await ajouter.EnvoyerAsync(cheffe, new() { ["PlanLocal.CommuneCodeInsee"] = "13001", ["PlanLocal.Source"] = "Délibération du conseil municipal du 12/03/2024" });
        Assert.Equal(HttpStatusCode.Redirect, ajoute.StatusCode);
        Assert.Contains("<th scope=\"row\">Aix-en-Provence</th><td>Délibération du conseil municipal du 12/03/2024</td>", await cheffe.GetHtmlAsync("/fonds/gestion"));
        // The same form sent twice (two people at once): a message, not an error page.
        var double_ = await ajouter.EnvoyerAsync(cheffe, new() { ["PlanLocal.CommuneCodeInsee"] = "13001", ["PlanLocal.Source"] = "Délibération" });
        Assert.Contains("Cette commune est déjà dans la liste.", await double_.ReadHtmlAsync());

        var retirer = await Formulaire.LireAsync(cheffe, "/fonds/gestion", "?handler=Retirer&code=13001");
        Assert.Equal(HttpStatusCode.Redirect, (await retirer.EnvoyerAsync(cheffe)).StatusCode);
        Assert.DoesNotContain("<th scope=\"row\">Aix-en-Provence</th>", await cheffe.GetHtmlAsync("/fonds/gestion"));
    }
}
