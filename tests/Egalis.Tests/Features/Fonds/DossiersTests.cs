using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DepotModel = Egalis.Web.Features.Fonds.Pages.DepotModel;
using DossierModel = Egalis.Web.Features.Fonds.Pages.DossierModel;
using InstructionModel = Egalis.Web.Features.Fonds.Pages.Instruction.DossierModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>A dossier's life through the forms: draft saved as one types, submission checked, instruction, correction, decision, reopening.</summary>
public class DossiersTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly Dictionary<string, string?> Complet = new()
    {
        ["Input.Objectifs"] = "Faire connaître les recours.", ["Input.Description"] = "Six ateliers dans les centres sociaux.",
        ["Input.PublicVise"] = "Jeunes de 16 à 25 ans.", ["Input.NombreBeneficiaires"] = "120", ["Input.DateDebut"] = "2026-09-01", ["Input.DateFin"] = "2027-06-30",
        ["Input.Communes"] = "13055", ["Input.Criteres"] = "origine", ["Input.Domaines"] = "emploi", ["Input.Moyens"] = "Deux animateurs.",
        ["Input.Evaluation"] = "Questionnaires avant et après.", ["Input.MontantDemande"] = "8 000", ["Input.Budget[64]"] = "10 000", ["Input.Budget[74-etat]"] = "2 000",
        ["Input.Attestation"] = "true", ["Input.EngagementRepublicain"] = "true",
    };

    private async Task<int> LireOrganisationAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == id).Select(d => d.OrganisationId).SingleAsync();
    }

    private async Task<int> VersionAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }

    private async Task<EtatDossier> EtatAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == id).Select(d => d.Etat).SingleAsync();
    }

    /// <summary>Clicks a step's button on the instruction page (with the reason typed in, for the steps that need one).</summary>
    private static async Task<HttpResponseMessage> EtapeAsync(HttpClient qui, int id, string bouton, string? motif = null, bool confirmer = true)
    {
        var url = $"/fonds/instruction/dossier/{id}";
        var html = await qui.GetStringAsync(url);
        var vers = Regex.Match(System.Net.WebUtility.HtmlDecode(html), $"vers=(\\w+)[^\"]*\">(<button type=\"submit\" class=\"[^\"]+\">)?{Regex.Escape(bouton)}</button>").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(vers), $"Pas de bouton « {bouton} » sur {url}.");
        var formulaire = Formulaire.Depuis(html, url, $"?handler=Etape&vers={vers}");
        var valeurs = motif is null ? null : new Dictionary<string, string?> { ["Motif"] = motif };
        if (valeurs is not null && confirmer && formulaire.Champs.Contains("Confirmation"))
        {
            valeurs["Confirmation"] = "true";
        }
        return await formulaire.EnvoyerAsync(qui, valeurs);
    }

    [Fact]
    [Soumet(typeof(DepotModel))]
    [Soumet(typeof(DossierModel))]
    [Soumet(typeof(DossierModel), "Auto")]
    [Soumet(typeof(DossierModel), "Deposer")]
    [Soumet(typeof(InstructionModel), "Etape")]
    public async Task A_dossier_goes_from_draft_to_submission_instruction_correction_decision_and_reopening()
    {
        var ines = await factory.InscrireAsync("Inès Présidente", "ines@ateliers.fr");
        await factory.AssociationPreteAsync("ines@ateliers.fr", "Ateliers du Panier", "73282932000074");
        var appel = await factory.AppelOuvertAsync("Appel des dossiers");

        // The call's page leads to the deposit; the applicant picks the organisation.
        Assert.Contains($"/fonds/depot?appel={appel}", await factory.Client().GetStringAsync($"/fonds/appel/{appel}"));
        var depot = await Formulaire.LireAsync(ines, $"/fonds/depot?appel={appel}");
        var commence = await depot.EnvoyerAsync(ines, new() { ["OrganisationId"] = depot.Valeur("OrganisationId") is { Length: > 0 } o ? o : Regex.Match(await ines.GetStringAsync($"/fonds/depot?appel={appel}"), "<option value=\"(\\d+)\">Ateliers du Panier").Groups[1].Value });
        Assert.Equal(HttpStatusCode.Redirect, commence.StatusCode);
        var url = commence.Headers.Location!.OriginalString;
        var id = int.Parse(Regex.Match(url, @"/fonds/dossier/(\d+)$").Groups[1].Value);
        Assert.Equal(EtatDossier.Brouillon, await EtatAsync(id));

        // The draft saves itself as one types: the page's script posts the form to the « Auto » handler.
        var formulaire = Formulaire.Depuis(await ines.GetStringAsync(url), url, url);
        var auto = await formulaire.EnvoyerAsync(ines, new() { ["Input.Intitule"] = "Ateliers « Connaître ses droits »" }, vers: $"{url}?handler=Auto");
        Assert.Equal(HttpStatusCode.OK, auto.StatusCode);
        var json = JsonDocument.Parse(await auto.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Matches(@"^Brouillon enregistré à \d\d:\d\d\.$", json.GetProperty("message").GetString());
        // The same form again, with the version it had: someone else's save in between is not overwritten.
        var perime = await formulaire.EnvoyerAsync(ines, new() { ["Input.Intitule"] = "Autre titre" }, vers: $"{url}?handler=Auto");
        Assert.Equal(HttpStatusCode.Conflict, perime.StatusCode);
        Assert.Contains("modifiée par quelqu'un d'autre", JsonDocument.Parse(await perime.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());

        // What is missing is listed with a link to each field; submitting now is refused and changes nothing.
        var page = await ines.GetHtmlAsync(url);
        Assert.Contains("<a href=\"#Input_Objectifs\">Décrivez les objectifs du projet.</a>", page);
        Assert.DoesNotContain("Donnez un intitulé au projet.", page);
        var refuse = await (await Formulaire.LireAsync(ines, url, "?handler=Deposer")).EnvoyerAsync(ines);
        Assert.Contains("Le dossier n'est pas déposé : complétez ce qui manque, listé en bas de la page.", await refuse.ReadHtmlAsync());
        Assert.Equal(EtatDossier.Brouillon, await EtatAsync(id));

        // An unbalanced budget is named with its figures.
        var enregistrer = await Formulaire.LireAsync(ines, url, url);
        Assert.Equal(HttpStatusCode.Redirect, (await enregistrer.EnvoyerAsync(ines, new(Complet) { ["Input.MontantDemande"] = "7 000" })).StatusCode);
        page = await ines.GetHtmlAsync(url);
        Assert.Contains("Le budget n'est pas équilibré : 10\u202F000,00 € de charges pour 9\u202F000,00 € de ressources (écart de 1\u202F000,00 €).", page);
        Assert.Contains(">Six ateliers dans les centres sociaux.</textarea>", page);
        var montant = await (await Formulaire.LireAsync(ines, url, url)).EnvoyerAsync(ines, new() { ["Input.MontantDemande"] = "-5" });
        Assert.Contains("Le montant ne peut pas être négatif.", await montant.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(ines, url, url)).EnvoyerAsync(ines, new() { ["Input.MontantDemande"] = "8 000" })).StatusCode);
        Assert.Contains("Le dossier est complet.", await ines.GetHtmlAsync(url));

        // Another applicant finds nothing, not even through the script's address.
        var autre = await factory.SignedInAsAsync(Roles.Porteur);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EgalisFactory.PostBrutAsync(autre, $"{url}?handler=Auto", new() { ["Input.Version"] = "3", ["Input.Intitule"] = "Pris" }, "/fonds/organisations")).StatusCode);
        // An instructor does not see a draft.
        var ivan = await factory.SignedInAsAsync(Roles.Instructeur);
        Assert.Equal(HttpStatusCode.NotFound, (await ivan.GetAsync($"/fonds/instruction/dossier/{id}")).StatusCode);
        Assert.DoesNotContain("Connaître ses droits", await ivan.GetHtmlAsync("/fonds/instruction"));

        var depose = await (await Formulaire.LireAsync(ines, url, "?handler=Deposer")).EnvoyerAsync(ines);
        Assert.Equal(HttpStatusCode.Redirect, depose.StatusCode);
        Assert.Contains("Dossier déposé. Un courriel le confirme aux membres de l'organisation.", await ines.GetHtmlAsync(url));
        Assert.Equal(EtatDossier.EnConstruction, await EtatAsync(id));
        // The applicant finds the dossier from the organisation's page.
        Assert.Contains($"<a href=\"/fonds/dossier/{id}\">Ateliers « Connaître ses droits »</a> (Appel des dossiers, en construction)", await ines.GetHtmlAsync($"/fonds/organisation/{(await LireOrganisationAsync(id))}"));
        var courriel = await factory.MessageAsync("ines@ateliers.fr", "Dossier déposé – fonds d'initiative");
        Assert.Contains("Le dossier « Ateliers « Connaître ses droits » » a été déposé le", courriel.TextBody);
        Assert.Contains($"/fonds/dossier/{id}", courriel.TextBody);

        // The instructors: listed, read-only, and the steps.
        Assert.Contains("Ateliers « Connaître ses droits »", await ivan.GetHtmlAsync("/fonds/instruction?etat=EnConstruction"));
        Assert.DoesNotContain("Ateliers « Connaître ses droits »", await ivan.GetHtmlAsync("/fonds/instruction?etat=Refuse"));
        // A referent of another territory (the project is in Marseille Provence) finds nothing.
        var remi = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        Assert.Equal(HttpStatusCode.NotFound, (await remi.GetAsync($"/fonds/instruction/dossier/{id}")).StatusCode);
        Assert.DoesNotContain("Connaître ses droits", await remi.GetHtmlAsync("/fonds/instruction"));

        Assert.Equal(HttpStatusCode.Redirect, (await EtapeAsync(ivan, id, "Passer en instruction")).StatusCode);
        Assert.Equal(EtatDossier.EnInstruction, await EtatAsync(id));
        await factory.MessageAsync("ines@ateliers.fr", "Dossier en instruction – fonds d'initiative");
        // Read-only for the applicant now: the page shows what was submitted, and a forged save is refused.
        page = await ines.GetHtmlAsync(url);
        Assert.Contains("Le dossier est en instruction : il ne se modifie plus.", page);
        Assert.Contains("10\u202F000,00 €", page);
        var force = await formulaire.EnvoyerAsync(ines, new() { ["Input.Version"] = "4", ["Input.Intitule"] = "Réécrit" }, vers: $"{url}?handler=Auto");
        Assert.Equal(HttpStatusCode.Conflict, force.StatusCode);
        Assert.Contains("Le dossier est en instruction : il ne se modifie plus.", await force.Content.ReadAsStringAsync());

        // A correction needs a reason; the applicant reads it, corrects, sends it back.
        Assert.Contains("Indiquez ce que le porteur doit corriger ou compléter : il le lira.", await (await EtapeAsync(ivan, id, "Demander une correction", "")).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await EtapeAsync(ivan, id, "Demander une correction", "Précisez le nombre d'ateliers par commune.")).StatusCode);
        Assert.Equal(EtatDossier.EnConstruction, await EtatAsync(id));
        Assert.Contains("Précisez le nombre d'ateliers par commune.", (await factory.MessageAsync("ines@ateliers.fr", "Correction demandée – fonds d'initiative")).TextBody);
        page = await ines.GetHtmlAsync(url);
        Assert.Contains("Précisez le nombre d'ateliers par commune.", page);
        // « Mon espace » puts the dossier waiting for a correction first.
        Assert.Contains($"<a href=\"/fonds/dossier/{id}\">Ateliers « Connaître ses droits »</a>", await ines.GetHtmlAsync("/espace"));
        // The instructor reads the organisation's documents from the dossier.
        var fiche = await ivan.GetHtmlAsync($"/fonds/instruction/dossier/{id}");
        var piece = System.Text.RegularExpressions.Regex.Match(fiche, "Statuts : <a href=\"(/fichiers/[0-9a-f-]+)\">").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await ivan.GetAsync(piece)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(ines, url, url)).EnvoyerAsync(ines, new() { ["Input.Description"] = "Six ateliers : trois à Marseille, trois à Aix." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(ines, url, "?handler=Deposer")).EnvoyerAsync(ines, bouton: "Envoyer la correction")).StatusCode);
        Assert.Contains("Correction envoyée", await ines.GetHtmlAsync(url));
        await factory.MessageAsync("ines@ateliers.fr", "Correction envoyée – fonds d'initiative");

        // Accepting is the committee's; refusing needs a reason, and is final for an instructor.
        Assert.Equal(HttpStatusCode.Redirect, (await EtapeAsync(ivan, id, "Passer en instruction")).StatusCode);
        var accepter = await EgalisFactory.PostBrutAsync(ivan, $"/fonds/instruction/dossier/{id}?handler=Etape&vers=Accepte&version={await VersionAsync(id)}", [], $"/fonds/instruction/dossier/{id}");
        Assert.Contains("Un dossier est accepté par le comité, qui engage son montant.", await accepter.ReadHtmlAsync());
        // A final step is confirmed.
        Assert.Contains("Cochez la case pour confirmer : un refus ou un classement sans suite est envoyé au porteur",
            await (await EtapeAsync(ivan, id, "Refuser", "Le projet ne vise aucun public éloigné des droits.", confirmer: false)).ReadHtmlAsync());
        Assert.Equal(EtatDossier.EnInstruction, await EtatAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await EtapeAsync(ivan, id, "Refuser", "Le projet ne vise aucun public éloigné des droits.")).StatusCode);
        Assert.Equal(EtatDossier.Refuse, await EtatAsync(id));
        Assert.Contains("Le projet ne vise aucun public éloigné des droits.", (await factory.MessageAsync("ines@ateliers.fr", "Dossier refusé – fonds d'initiative")).TextBody);
        Assert.DoesNotContain("Rouvrir l'instruction", await ivan.GetHtmlAsync($"/fonds/instruction/dossier/{id}"));
        var rouvrirInstructeur = await EgalisFactory.PostBrutAsync(ivan, $"/fonds/instruction/dossier/{id}?handler=Etape&vers=EnInstruction&version={await VersionAsync(id)}", new() { ["Motif"] = "Erreur" }, $"/fonds/instruction/dossier/{id}");
        Assert.Contains("Vous n'avez pas le droit de faire passer cet enregistrement à « en instruction ».", await rouvrirInstructeur.ReadHtmlAsync());

        // The administrator reopens, with a reason; the history tells every step.
        var alice = await factory.SignedInAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await EtapeAsync(alice, id, "Rouvrir l'instruction", "Refus fondé sur une pièce mal lue.")).StatusCode);
        Assert.Equal(EtatDossier.EnInstruction, await EtatAsync(id));
        var historique = await alice.GetHtmlAsync($"/fonds/instruction/dossier/{id}");
        foreach (var ligne in new[]
        {
            "de « brouillon » à « en construction »</td><td>Inès Présidente",
            "de « en construction » à « en instruction »</td><td>Ivan Instructeur",
            "de « en instruction » à « en construction »</td><td>Ivan Instructeur</td><td class=\"texte-long\">Précisez le nombre d'ateliers par commune.",
            "de « en instruction » à « refusé »</td><td>Ivan Instructeur</td><td class=\"texte-long\">Le projet ne vise aucun public éloigné des droits.",
            "de « refusé » à « en instruction »</td><td>Alice Admin</td><td class=\"texte-long\">Refus fondé sur une pièce mal lue.",
        })
        {
            Assert.Contains(ligne, historique);
        }
    }

    [Fact]
    public async Task A_draft_cannot_be_submitted_once_the_call_has_closed()
    {
        var lea = await factory.InscrireAsync("Léa Trésorière", "lea@quartiers.fr");
        var organisation = await factory.AssociationPreteAsync("lea@quartiers.fr", "Quartiers solidaires", "78467169500087");
        var appel = await factory.AppelOuvertAsync("Appel qui ferme");
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var resultat = await scope.ServiceProvider.GetRequiredService<DossiersService>().CreerAsync(appel, organisation,
                new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                    [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Users.Where(u => u.Email == "lea@quartiers.fr").Select(u => u.Id).SingleAsync())], "test")), default);
            id = resultat.Id!.Value;
        }
        var url = $"/fonds/dossier/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(lea, url, url)).EnvoyerAsync(lea, new(Complet) { ["Input.Intitule"] = "Médiation" })).StatusCode);
        var deposer = await Formulaire.LireAsync(lea, url, "?handler=Deposer");
        // The closing time passes while the page is open.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var a = await db.Set<AppelAProjets>().SingleAsync(x => x.Id == appel);
            a.Cloture = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        var refuse = await deposer.EnvoyerAsync(lea);
        var html = await refuse.ReadHtmlAsync();
        Assert.Contains("Le dossier n'est pas déposé", html);
        Assert.Matches(@"L'appel est clos depuis le \d\d/\d\d/\d{4} à \d\d:\d\d : il ne reçoit plus de dossier\.", html);
        Assert.Equal(EtatDossier.Brouillon, await EtatAsync(id));
        // And a new draft cannot be started.
        var depot = await Formulaire.LireAsync(lea, $"/fonds/depot?appel={appel}");
        var option = Regex.Match(await lea.GetStringAsync($"/fonds/depot?appel={appel}"), "<option value=\"(\\d+)\">Quartiers solidaires").Groups[1].Value;
        Assert.Contains("Cet appel ne reçoit pas de dossier en ce moment.", await (await depot.EnvoyerAsync(lea, new() { ["OrganisationId"] = option })).ReadHtmlAsync());
    }
}
