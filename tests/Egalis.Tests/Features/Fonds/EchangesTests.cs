using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ListeModel = Egalis.Web.Features.Fonds.Pages.Instruction.IndexModel;
using InstructionModel = Egalis.Web.Features.Fonds.Pages.Instruction.DossierModel;
using PorteurModel = Egalis.Web.Features.Fonds.Pages.DossierModel;
using AvisModel = Egalis.Web.Features.Fonds.Pages.AvisModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>Instruction's daily work: the thread with the applicant, private annotations, labels, « à moi », actions on several dossiers.</summary>
public class EchangesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<T> LireAsync<T>(Func<EgalisDbContext, Task<T>> lecture)
    {
        using var scope = factory.Services.CreateScope();
        return await lecture(scope.ServiceProvider.GetRequiredService<EgalisDbContext>());
    }

    [Fact]
    [Soumet(typeof(InstructionModel), "Message")]
    [Soumet(typeof(InstructionModel), "Annoter")]
    [Soumet(typeof(InstructionModel), "Suivre")]
    [Soumet(typeof(PorteurModel), "Message")]
    public async Task Instructors_and_applicants_write_to_each_other_and_annotations_stay_private()
    {
        var appel = await factory.AppelOuvertAsync("Appel des échanges");
        var dossier = await factory.DossierEnInstructionAsync(appel, "Voix des quartiers", "34567890800004", 6_000m);
        var ivan = await factory.SignedInAsAsync(Roles.Instructeur);
        var presidente = await factory.SignedInAsync("34567890800004@asso.fr", FondsDonnees.MotDePasse);
        var url = $"/fonds/instruction/dossier/{dossier}";

        // An empty message, a renamed executable: refused next to the field, nothing saved.
        var ecrire = await Formulaire.LireAsync(ivan, url, "?handler=Message");
        Assert.Contains("Écrivez le message.", await (await ecrire.EnvoyerAsync(ivan, new() { ["Texte"] = "  " })).ReadHtmlAsync());
        Assert.Contains("Le message ne doit pas dépasser 4 000 caractères (4 001 saisis).", await (await ecrire.EnvoyerAsync(ivan, new() { ["Texte"] = new string('a', 4_001) })).ReadHtmlAsync());
        var exe = await (await ecrire.EnvoyerAsync(ivan, new() { ["Texte"] = "Voici la grille." }, fichiers: new() { ["PieceJointe"] = ("grille.pdf", "MZ\u0090\0"u8.ToArray()) })).ReadHtmlAsync();
        Assert.Contains("Ce fichier n'est pas d'un type accepté", exe);
        Assert.Contains("Voici la grille.", exe);
        Assert.Equal(0, await LireAsync(db => db.Set<MessageDossier>().CountAsync(m => m.DossierId == dossier)));

        var envoye = await ecrire.EnvoyerAsync(ivan, new() { ["Texte"] = "Pouvez-vous préciser le nombre de séances ?" }, fichiers: new() { ["PieceJointe"] = ("grille.pdf", "%PDF-1.7 grille"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.Redirect, envoye.StatusCode);
        // The same rendered form sent again (a double click): one message, one e-mail.
        Assert.Equal(HttpStatusCode.Redirect, (await ecrire.EnvoyerAsync(ivan, new() { ["Texte"] = "Pouvez-vous préciser le nombre de séances ?" })).StatusCode);
        Assert.Equal(1, await LireAsync(db => db.Set<MessageDossier>().CountAsync(m => m.DossierId == dossier)));
        var courriel = await factory.MessageAsync("34567890800004@asso.fr", "Nouveau message sur votre dossier – fonds d'initiative");
        Assert.Contains("Pouvez-vous préciser le nombre de séances ?", courriel.TextBody);
        Assert.Contains($"/fonds/dossier/{dossier}", courriel.TextBody);

        // The applicant reads it with its attachment, and answers; the instructor who wrote is told.
        var page = await presidente.GetHtmlAsync($"/fonds/dossier/{dossier}");
        Assert.Contains("Pouvez-vous préciser le nombre de séances ?", page);
        var piece = Regex.Match(page, "/fichiers/([0-9a-f-]{36})\">grille.pdf").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await presidente.GetAsync($"/fichiers/{piece}")).StatusCode);
        var voisin = await factory.InscrireAsync("Luc Voisin", "luc.voisin@exemple.fr");
        Assert.Equal(HttpStatusCode.NotFound, (await voisin.GetAsync($"/fichiers/{piece}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voisin.GetAsync($"/fonds/dossier/{dossier}")).StatusCode);
        var repondre = await Formulaire.LireAsync(presidente, $"/fonds/dossier/{dossier}", "?handler=Message");
        Assert.Equal(HttpStatusCode.Redirect, (await repondre.EnvoyerAsync(presidente, new() { ["Texte"] = "Douze séances, de septembre à juin." })).StatusCode);
        var reponse = await factory.MessageAsync("instructeur@egalis.local", "Message d'un porteur de projet – fonds d'initiative");
        Assert.Contains("Douze séances, de septembre à juin.", reponse.TextBody);
        Assert.Contains($"/fonds/instruction/dossier/{dossier}#messages", reponse.TextBody);
        Assert.Contains("Douze séances, de septembre à juin.", await ivan.GetHtmlAsync(url));

        // A private annotation: on the instructors' page only.
        var annoter = await Formulaire.LireAsync(ivan, url, "?handler=Annoter");
        Assert.Contains("Écrivez l'annotation.", await (await annoter.EnvoyerAsync(ivan)).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await annoter.EnvoyerAsync(ivan, new() { ["Annotation"] = "Budget à vérifier avec le Département." })).StatusCode);
        Assert.Contains("Budget à vérifier avec le Département.", await ivan.GetHtmlAsync(url));
        Assert.DoesNotContain("Budget à vérifier", await presidente.GetHtmlAsync($"/fonds/dossier/{dossier}"));

        // Following the dossier: it is « à moi », and the applicant's next message goes to its follower.
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(ivan, url, "?handler=Suivre")).EnvoyerAsync(ivan)).StatusCode);
        Assert.Contains("Suivi par Ivan Instructeur.", await ivan.GetHtmlAsync(url));
        Assert.Contains($"/fonds/instruction/dossier/{dossier}\"", await ivan.GetHtmlAsync("/fonds/instruction?moi=true"));
    }

    [Fact]
    [Soumet(typeof(ListeModel), "Groupe")]
    [Soumet(typeof(ListeModel), "Etiquette")]
    public async Task The_list_labels_follows_and_passes_several_dossiers_at_once()
    {
        var appel = await factory.AppelOuvertAsync("Appel des actions groupées");
        var instruit = await factory.DossierEnInstructionAsync(appel, "Parole de femmes", "45678901500009", 5_000m);
        var depose = await factory.DossierEnInstructionAsync(appel, "Égalité au travail", "56789012400009", 7_000m);
        using (var scope = factory.Services.CreateScope())
        {
            // One of them only submitted, waiting for its instruction.
            await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == depose)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Etat, EtatDossier.EnConstruction));
        }

        // The team creates a label; a second one of the same name is refused.
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var creer = await Formulaire.LireAsync(cheffe, "/fonds/instruction", "?handler=Etiquette");
        Assert.Equal(HttpStatusCode.Redirect, (await creer.EnvoyerAsync(cheffe, new() { ["NouvelleEtiquette"] = "QPV prioritaire" })).StatusCode);
        Assert.Contains("L'étiquette « QPV prioritaire » existe déjà.", await (await creer.EnvoyerAsync(cheffe, new() { ["NouvelleEtiquette"] = "QPV prioritaire" })).ReadHtmlAsync());
        var etiquette = await LireAsync(db => db.Set<EtiquetteFonds>().Where(e => e.Nom == "QPV prioritaire").Select(e => e.Id).SingleAsync());

        var ivan = await factory.SignedInAsAsync(Roles.Instructeur);
        var liste = $"/fonds/instruction?appel={appel}";
        var groupe = await Formulaire.LireAsync(ivan, liste, "?handler=Groupe");
        var choisis = new Dictionary<string, IReadOnlyList<string>> { ["Choisis"] = [instruit.ToString(), depose.ToString()] };
        Assert.Contains("Choisissez une action dans la liste.", await (await groupe.EnvoyerAsync(ivan, plusieurs: choisis)).ReadHtmlAsync());
        Assert.Contains("Cochez au moins un dossier.", await (await groupe.EnvoyerAsync(ivan, new() { ["Action"] = "suivre" })).ReadHtmlAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await groupe.EnvoyerAsync(ivan, new() { ["Action"] = $"etiqueter:{etiquette}" }, plusieurs: choisis)).StatusCode);
        Assert.Contains("2 dossiers traités.", await ivan.GetHtmlAsync(liste));
        // Both projects are in Marseille: by commune, both; in Aix-en-Provence, none.
        Assert.Contains("Dossiers (2)", await ivan.GetHtmlAsync($"/fonds/instruction?appel={appel}&commune=13055"));
        Assert.Contains("Dossiers (0)", await ivan.GetHtmlAsync($"/fonds/instruction?appel={appel}&commune=13001"));
        var etiquetes = await ivan.GetHtmlAsync($"/fonds/instruction?etiquette={etiquette}");
        Assert.Contains("Dossiers (2)", etiquetes);
        Assert.Contains("<span class=\"badge text-bg-secondary\">QPV prioritaire</span>", etiquetes);

        Assert.Equal(HttpStatusCode.Redirect, (await groupe.EnvoyerAsync(ivan, new() { ["Action"] = "suivre" }, plusieurs: choisis)).StatusCode);
        // (Within this call: the thread's test follows another dossier.)
        Assert.Contains("Dossiers (2)", await ivan.GetHtmlAsync($"/fonds/instruction?moi=true&appel={appel}"));
        Assert.Contains("Dossiers (0)", await cheffe.GetHtmlAsync("/fonds/instruction?moi=true"));

        // Passing to instruction: the submitted one goes, the one already in instruction is said not to.
        Assert.Equal(HttpStatusCode.Redirect, (await groupe.EnvoyerAsync(ivan, new() { ["Action"] = "instruire" }, plusieurs: choisis)).StatusCode);
        Assert.Contains("1 dossier traité. Non traités : « Projet de Parole de femmes » : en instruction, il ne passe pas en instruction.", await ivan.GetHtmlAsync(liste));
        Assert.Equal(EtatDossier.EnInstruction, await LireAsync(db => db.Set<Dossier>().Where(d => d.Id == depose).Select(d => d.Etat).SingleAsync()));
        await factory.MessageAsync("56789012400009@asso.fr", "Dossier en instruction – fonds d'initiative");

        // A referent of the Pays d'Aix cannot act on these Marseille dossiers by sending their ids.
        var remi = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        var horsPortee = await EgalisFactory.PostBrutAsync(remi, "/fonds/instruction?handler=Groupe",
            new() { ["Choisis"] = instruit.ToString(), ["Action"] = $"desetiqueter:{etiquette}" }, "/fonds/instruction");
        Assert.Contains($"Dossier n° {instruit} : introuvable.", await horsPortee.ReadHtmlAsync());
        Assert.Equal(2, await LireAsync(db => db.Set<EtiquetteDossier>().CountAsync(l => l.EtiquetteId == etiquette)));
    }

    [Fact]
    [Soumet(typeof(InstructionModel), "Avis")]
    [Soumet(typeof(InstructionModel), "AvisRelancer")]
    [Soumet(typeof(InstructionModel), "AvisRevoquer")]
    [Soumet(typeof(AvisModel))]
    public async Task An_expert_invited_by_address_reads_the_dossier_and_answers_once_in_confidence()
    {
        var appel = await factory.AppelOuvertAsync("Appel des avis");
        var dossier = await factory.DossierEnInstructionAsync(appel, "Droits devant", "63456789500004", 4_000m);
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var url = $"/fonds/instruction/dossier/{dossier}";

        var demander = await Formulaire.LireAsync(cheffe, url, "?handler=Avis");
        var invalide = await (await demander.EnvoyerAsync(cheffe, new() { ["AvisEmail"] = "eva@", ["AvisQuestion"] = "Le budget est-il réaliste ?" })).ReadHtmlAsync();
        Assert.Contains("Indiquez l'adresse électronique de l'expert", invalide);
        Assert.Contains("Le budget est-il réaliste ?", invalide);
        Assert.Equal(HttpStatusCode.Redirect, (await demander.EnvoyerAsync(cheffe, new()
            { ["AvisEmail"] = "Expert@egalis.local", ["AvisQuestion"] = "Le budget est-il réaliste ?", ["AvisConfidentiel"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await demander.EnvoyerAsync(cheffe, new()
            { ["AvisEmail"] = "Expert@egalis.local", ["AvisQuestion"] = "Le budget est-il réaliste ?", ["AvisConfidentiel"] = "true" })).StatusCode);
        Assert.Equal(1, await LireAsync(db => db.Set<AvisExpert>().CountAsync(a => a.DossierId == dossier)));
        var invitation = await factory.MessageAsync("expert@egalis.local", "Un avis vous est demandé – fonds d'initiative");
        var lien = new Uri(FondsDonnees.Lien(invitation)).PathAndQuery;
        Assert.Matches(@"^/fonds/avis/\d+$", lien);
        Assert.Contains("0 rendu sur 1", await cheffe.GetHtmlAsync($"/fonds/instruction?appel={appel}"));

        // Only the invited address reaches it.
        var porteur = await factory.SignedInAsAsync(Roles.Porteur);
        Assert.Equal(HttpStatusCode.NotFound, (await porteur.GetAsync(lien)).StatusCode);
        var eva = await factory.SignedInAsAsync(Roles.Expert);
        var page = await eva.GetHtmlAsync(lien);
        Assert.Contains("Le budget est-il réaliste ?", page);
        Assert.Contains("Projet de Droits devant", page);
        var statuts = Regex.Match(page, "/fichiers/([0-9a-f-]{36})\">").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"/fichiers/{statuts}")).StatusCode);

        // A reminder, then the answer: once, and the one who asked is told.
        var avis = int.Parse(lien[(lien.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, $"?handler=AvisRelancer&avis={avis}")).EnvoyerAsync(cheffe)).StatusCode);
        await factory.MessageAsync("expert@egalis.local", "Rappel : un avis vous est demandé – fonds d'initiative");
        var repondre = await Formulaire.LireAsync(eva, lien);
        Assert.Contains("Écrivez votre avis.", await (await repondre.EnvoyerAsync(eva)).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await repondre.EnvoyerAsync(eva, new() { ["Reponse"] = "Les charges de personnel sont sous-estimées d'un tiers." })).StatusCode);
        Assert.Contains("Vous avez déjà répondu", await (await repondre.EnvoyerAsync(eva, new() { ["Reponse"] = "Autre avis." })).ReadHtmlAsync());
        Assert.Contains($"/fonds/instruction/dossier/{dossier}#avis", (await factory.MessageAsync("cheffe.projet@egalis.local", "Avis d'expert rendu – fonds d'initiative")).TextBody);
        // Once answered, the dossier and its documents are no longer the expert's to read.
        Assert.Contains("le dossier et ses pièces ne vous sont plus accessibles", await eva.GetHtmlAsync(lien));
        Assert.Equal(HttpStatusCode.NotFound, (await eva.GetAsync($"/fichiers/{statuts}")).StatusCode);

        // Confidential: the team reads it, another instructor sees only that it was given.
        Assert.Contains("Les charges de personnel sont sous-estimées d'un tiers.", await cheffe.GetHtmlAsync(url));
        var ivan = await factory.SignedInAsAsync(Roles.Instructeur);
        var vuParIvan = await ivan.GetHtmlAsync(url);
        Assert.DoesNotContain("sous-estimées", vuParIvan);
        Assert.Contains("Avis confidentiel : seuls la personne qui l'a demandé et l'équipe du fonds le lisent.", vuParIvan);
        Assert.Contains("1 rendu sur 1", await cheffe.GetHtmlAsync($"/fonds/instruction?appel={appel}"));

        // A revoked request no longer opens the dossier.
        demander = await Formulaire.LireAsync(cheffe, url, "?handler=Avis");
        Assert.Equal(HttpStatusCode.Redirect, (await demander.EnvoyerAsync(cheffe, new() { ["AvisEmail"] = "expert@egalis.local", ["AvisQuestion"] = "Et le calendrier ?" })).StatusCode);
        var second = await LireAsync(db => db.Set<AvisExpert>().Where(a => a.DossierId == dossier && a.ReponduLe == null).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, $"?handler=AvisRevoquer&avis={second}")).EnvoyerAsync(cheffe)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eva.GetAsync($"/fonds/avis/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync(lien)).StatusCode);
    }
}
