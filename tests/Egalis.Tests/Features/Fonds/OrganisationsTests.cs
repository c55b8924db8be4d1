using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Compte;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using InscriptionModel = Egalis.Web.Features.Compte.Pages.InscriptionModel;
using OrganisationModel = Egalis.Web.Features.Fonds.Pages.OrganisationModel;
using OrganisationsModel = Egalis.Web.Features.Fonds.Pages.OrganisationsModel;
using RejoindreModel = Egalis.Web.Features.Fonds.Pages.RejoindreModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>The applicant's space: an account of one's own, organisations checked and shared by invitation, their documents.</summary>
public class OrganisationsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private Task<MimeMessage> MessageAsync(string a, string sujet) => factory.MessageAsync(a, sujet);

    private static string Lien(MimeMessage message) => FondsDonnees.Lien(message);

    private Task<HttpClient> InscrireAsync(string nom, string email) => factory.InscrireAsync(nom, email);

    [Fact]
    [Soumet(typeof(InscriptionModel))]
    public async Task An_applicant_creates_an_account_whose_address_the_link_proves_and_the_form_tells_nothing_of_existing_ones()
    {
        var visiteur = factory.Client();
        var formulaire = await Formulaire.LireAsync(visiteur, "/compte/inscription");
        var sansConsentement = await formulaire.EnvoyerAsync(visiteur, new() { ["Input.NomComplet"] = "Inès Martin", ["Input.Email"] = "ines.martin@asso-exemple.fr" });
        var html = await sansConsentement.ReadHtmlAsync();
        Assert.Contains("Cochez la case : votre compte ne peut pas exister sans que vous sachiez ce qu'il garde de vous.", html);
        Assert.Contains("value=\"ines.martin@asso-exemple.fr\"", html);

        var porteur = await InscrireAsync("Inès Martin", "ines.martin@asso-exemple.fr");
        Assert.Contains("Inès Martin", await porteur.GetHtmlAsync("/espace"));
        Assert.Equal(HttpStatusCode.OK, (await porteur.GetAsync("/fonds/organisations")).StatusCode);

        // The same address again: the same answer; its owner is told by e-mail, and nothing else changes.
        var encore = await (await Formulaire.LireAsync(visiteur, "/compte/inscription"))
            .EnvoyerAsync(visiteur, new() { ["Input.NomComplet"] = "Quelqu'un d'autre", ["Input.Email"] = "ines.martin@asso-exemple.fr", ["Input.Consentement"] = "true" });
        Assert.Contains("Un message vient d'être envoyé à ines.martin@asso-exemple.fr.", await encore.ReadHtmlAsync());
        Assert.Contains("Quelqu'un a demandé à créer un compte Egalis avec votre adresse", (await MessageAsync("ines.martin@asso-exemple.fr", "Vous avez déjà un compte Egalis")).TextBody);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        Assert.Equal("Inès Martin", await db.Users.Where(u => u.NormalizedEmail == "INES.MARTIN@ASSO-EXEMPLE.FR").Select(u => u.NomComplet).SingleAsync());
    }

    [Fact]
    public async Task An_account_created_online_and_never_confirmed_is_deleted_after_seven_days_and_no_other()
    {
        var visiteur = factory.Client();
        await (await Formulaire.LireAsync(visiteur, "/compte/inscription"))
            .EnvoyerAsync(visiteur, new() { ["Input.NomComplet"] = "Jamais Confirmé", ["Input.Email"] = "jamais@asso-exemple.fr", ["Input.Consentement"] = "true" });
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var cree = await db.Users.Where(u => u.NormalizedEmail == "JAMAIS@ASSO-EXEMPLE.FR").Select(u => u.CreeLe).SingleAsync();
        // An account an administrator created, not activated yet either: it stays.
        db.Users.Add(new Utilisateur { UserName = "invitee@metropole.fr", Email = "invitee@metropole.fr", NormalizedEmail = "INVITEE@METROPOLE.FR", NormalizedUserName = "INVITEE@METROPOLE.FR", NomComplet = "Invitée", CreeLe = cree.AddDays(-30) });
        await db.SaveChangesAsync();
        var purge = new ComptesPersonalData();
        Assert.Equal("0 compte désactivé depuis plus d'un an anonymisé", await purge.PurgeAsync(db, cree.AddDays(6), default));
        Assert.True(await db.Users.AnyAsync(u => u.NormalizedEmail == "JAMAIS@ASSO-EXEMPLE.FR"));
        Assert.Equal("0 compte désactivé depuis plus d'un an anonymisé ; 1 compte jamais confirmé supprimé", await purge.PurgeAsync(db, cree.AddDays(7).AddMinutes(1), default));
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == "JAMAIS@ASSO-EXEMPLE.FR"));
        Assert.True(await db.Users.AnyAsync(u => u.NormalizedEmail == "INVITEE@METROPOLE.FR"));
    }

    private static Dictionary<string, string?> Association(string siret = "73282932000074") => new()
    {
        ["Input.Type"] = "Association", ["Input.Nom"] = "Ancrages", ["Input.Siret"] = siret, ["Input.Rna"] = "W133001234",
        ["Input.CommuneCodeInsee"] = "13055", ["Input.Adresse"] = "12 rue de la République", ["Input.CodePostal"] = "13002", ["Input.Ville"] = "Marseille",
        ["Input.Iban"] = "FR76 3000 6000 0112 3456 7890 189", ["Input.Bic"] = "AGRIFRPP", ["Input.TitulaireCompte"] = "Association Ancrages",
    };

    [Fact]
    [Soumet(typeof(OrganisationsModel))]
    [Soumet(typeof(OrganisationModel))]
    [Soumet(typeof(OrganisationModel), "Inviter")]
    [Soumet(typeof(OrganisationModel), "Representant")]
    [Soumet(typeof(OrganisationModel), "Retirer")]
    [Soumet(typeof(OrganisationModel), "Piece")]
    [Soumet(typeof(RejoindreModel))]
    public async Task An_organisation_is_checked_shared_by_invitation_and_its_documents_read_by_its_members_only()
    {
        var ines = await InscrireAsync("Inès Présidente", "ines@ancrages.fr");
        var creer = await Formulaire.LireAsync(ines, "/fonds/organisations");
        var invalide = await creer.EnvoyerAsync(ines, new(Association("73282932000070")) { ["Input.Iban"] = "FR76 3000 6000 0112 3456 7890 188", ["Input.Rna"] = "W13" });
        var html = await invalide.ReadHtmlAsync();
        Assert.Contains("Ce SIRET n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).", html);
        Assert.Contains("Cet IBAN n'existe pas : vérifiez ses caractères (sa clé de contrôle ne correspond pas).", html);
        Assert.Contains("Le numéro RNA commence par W, suivi de 9 chiffres (par exemple W133001234).", html);
        Assert.Contains("value=\"12 rue de la République\"", html);

        var cree = await creer.EnvoyerAsync(ines, Association());
        Assert.Equal(HttpStatusCode.Redirect, cree.StatusCode);
        var url = cree.Headers.Location!.OriginalString;
        var page = await ines.GetHtmlAsync(url);
        Assert.Contains("Organisation enregistrée : vous en êtes l'administrateur.", page);
        // Shown masked, and read out as words rather than twenty asterisks.
        Assert.Contains("<span aria-hidden=\"true\">FR76*******************0189</span><span class=\"visually-hidden\">IBAN FR76 se terminant par 0189</span> (AGRIFRPP)", page);
        Assert.Contains("W133001234", page);

        // The same SIRET by someone else: a message that says what to do.
        var paul = await InscrireAsync("Paul Trésorier", "paul@ancrages.fr");
        var double_ = await (await Formulaire.LireAsync(paul, "/fonds/organisations")).EnvoyerAsync(paul, new(Association()) { ["Input.Siret"] = "732 829 320 00074" });
        Assert.Contains("Une organisation porte déjà ce SIRET sur Egalis : demandez à l'un de ses administrateurs de vous inviter.", await double_.ReadHtmlAsync());
        // Not a member: the organisation does not exist for him, nor do its forms.
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync(url)).StatusCode);
        var forge = await EgalisFactory.PostBrutAsync(paul, url + "?handler=Inviter", new() { ["Invitation.Email"] = "paul@ancrages.fr" }, "/fonds/organisations");
        Assert.Equal(HttpStatusCode.NotFound, forge.StatusCode);

        // Documents: a PDF is accepted; a file that is not what its name says is refused, and so is one too big.
        var piece = await Formulaire.LireAsync(ines, url, "?handler=Piece");
        var pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();
        var depose = await piece.EnvoyerAsync(ines, new() { ["Piece.Type"] = "Statuts", ["Piece.ValableJusquAu"] = "" }, fichiers: new() { ["Piece.Fichier"] = ("statuts.pdf", pdf) });
        Assert.Equal(HttpStatusCode.Redirect, depose.StatusCode);
        var renomme = await piece.EnvoyerAsync(ines, new() { ["Piece.Type"] = "Rib" }, fichiers: new() { ["Piece.Fichier"] = ("rib.pdf", "MZ\u0090\0 exécutable"u8.ToArray()) });
        Assert.Contains("Ce fichier n'est pas d'un type accepté", await renomme.ReadHtmlAsync());
        var gros = new byte[11 * 1024 * 1024];
        pdf.CopyTo(gros, 0);
        var tropGros = await piece.EnvoyerAsync(ines, new() { ["Piece.Type"] = "Comptes" }, fichiers: new() { ["Piece.Fichier"] = ("comptes.pdf", gros) });
        Assert.Contains("Le fichier fait 11 Mo : 10 Mo au plus.", await tropGros.ReadHtmlAsync());
        var fichier = Regex.Match(await ines.GetHtmlAsync(url), "/fichiers/([0-9a-f-]{36})\">statuts.pdf").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await ines.GetAsync($"/fichiers/{fichier}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await paul.GetAsync($"/fichiers/{fichier}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.Client().GetAsync($"/fichiers/{fichier}")).StatusCode);
        // The fund's team reads them (to review a dossier).
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsAsync(Roles.ChefDeProjet)).GetAsync($"/fichiers/{fichier}")).StatusCode);

        // Inès invites Paul; the link works for his address only.
        var inviter = await Formulaire.LireAsync(ines, url, "?handler=Inviter");
        Assert.Contains("Indiquez une adresse électronique valide", await (await inviter.EnvoyerAsync(ines, new() { ["Invitation.Email"] = "paul@" })).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await inviter.EnvoyerAsync(ines, new() { ["Invitation.Email"] = "paul@ancrages.fr" })).StatusCode);
        var invitation = await MessageAsync("paul@ancrages.fr", "Invitation à rejoindre Ancrages sur Egalis");
        Assert.Contains("Inès Présidente vous invite à agir pour « Ancrages »", invitation.TextBody);
        var lien = new Uri(Lien(invitation)).PathAndQuery;
        var autre = await factory.SignedInAsAsync(Roles.Porteur);
        var refuse = await (await Formulaire.LireAsync(autre, lien)).EnvoyerAsync(autre);
        Assert.Contains("Cette invitation a été envoyée à paul@ancrages.fr : connectez-vous avec le compte de cette adresse pour l'accepter.", await refuse.ReadHtmlAsync());
        var accepte = await (await Formulaire.LireAsync(paul, lien)).EnvoyerAsync(paul);
        Assert.Equal(HttpStatusCode.Redirect, accepte.StatusCode);
        Assert.Contains("Vous êtes membre de l'organisation.", await paul.GetHtmlAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await paul.GetAsync($"/fichiers/{fichier}")).StatusCode);
        // Used once: the link no longer works.
        Assert.Contains("Ce lien d'invitation n'est plus valable", await paul.GetHtmlAsync(lien));
        // Paul is a member, not an administrator: no form to change the organisation.
        Assert.DoesNotContain("?handler=Inviter", await paul.GetStringAsync(url));

        // Inès names the legal representative, then cannot leave as the last administrator.
        var representant = await Formulaire.LireAsync(ines, url, "?handler=Representant");
        var idInes = Regex.Match(await ines.GetStringAsync(url), "<option value=\"(\\d+)\">Inès Présidente</option>").Groups[1].Value;
        Assert.Contains("Indiquez la qualité du représentant légal", await (await representant.EnvoyerAsync(ines, new() { ["Representant.MembreId"] = idInes })).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await representant.EnvoyerAsync(ines, new() { ["Representant.MembreId"] = idInes, ["Representant.Qualite"] = "Présidente" })).StatusCode);
        Assert.Contains("administrateur, représentant légal (Présidente)", await paul.GetHtmlAsync(url));
        var seRetirer = await (await Formulaire.LireAsync(ines, url, $"?handler=Retirer&membre={idInes}")).EnvoyerAsync(ines);
        Assert.Contains("L'organisation garde au moins un administrateur", await seRetirer.ReadHtmlAsync());
        var idPaul = Regex.Match(await ines.GetStringAsync(url), "<option value=\"(\\d+)\">Paul Trésorier</option>").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(ines, url, $"?handler=Retirer&membre={idPaul}")).EnvoyerAsync(ines)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync(url)).StatusCode);

        // The administrator corrects the organisation; a stale form gets a message.
        var modifier = await Formulaire.LireAsync(ines, url, url);
        Assert.Equal(HttpStatusCode.Redirect, (await modifier.EnvoyerAsync(ines, new() { ["Input.Nom"] = "Ancrages Provence" })).StatusCode);
        Assert.Contains("<h1>Ancrages Provence</h1>", await ines.GetHtmlAsync(url));
        var perime = await modifier.EnvoyerAsync(ines, new() { ["Input.Nom"] = "Ancrages Méditerranée" });
        Assert.Contains("Cette fiche a été modifiée par quelqu'un d'autre pendant votre saisie", await perime.ReadHtmlAsync());
    }

    [Fact]
    public async Task An_invitation_works_for_seven_days_then_its_address_is_deleted()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var organisation = new Organisation { Nom = "Ligue des droits", Siret = "78467169500087", Adresse = "1 place", CodePostal = "13001", Ville = "Marseille", CreeLe = DateTimeOffset.UtcNow };
        db.Add(organisation);
        await db.SaveChangesAsync();
        var maintenant = DateTimeOffset.UtcNow;
        db.Add(new InvitationOrganisation { OrganisationId = organisation.Id, Email = "expiree@exemple.fr", JetonHache = new string('a', 64), InvitePar = "Inès", ExpireLe = maintenant.AddMinutes(-1) });
        db.Add(new InvitationOrganisation { OrganisationId = organisation.Id, Email = "valable@exemple.fr", JetonHache = new string('b', 64), InvitePar = "Inès", ExpireLe = maintenant.AddDays(6) });
        await db.SaveChangesAsync();
        Assert.Equal("1 invitation expirée supprimée", await new InvitationsPersonalData().PurgeAsync(db, maintenant, default));
        Assert.Equal(["valable@exemple.fr"], await db.Set<InvitationOrganisation>().Where(i => i.OrganisationId == organisation.Id).Select(i => i.Email).ToListAsync());
    }

    [Fact]
    [Soumet(typeof(OrganisationModel), "Revoquer")]
    public async Task An_administrator_sees_the_invitations_waiting_revokes_one_and_cannot_send_them_in_bulk()
    {
        var zoe = await InscrireAsync("Zoé Secrétaire", "zoe@quartiers-unis.fr");
        var cree = await (await Formulaire.LireAsync(zoe, "/fonds/organisations")).EnvoyerAsync(zoe, new(Association("44306184100013")) { ["Input.Nom"] = "Quartiers unis" });
        var url = cree.Headers.Location!.OriginalString;
        var inviter = await Formulaire.LireAsync(zoe, url, "?handler=Inviter");
        Assert.Equal(HttpStatusCode.Redirect, (await inviter.EnvoyerAsync(zoe, new() { ["Invitation.Email"] = "leo@quartiers-unis.fr" })).StatusCode);
        var premier = FondsDonnees.Lien(await MessageAsync("leo@quartiers-unis.fr", "Invitation à rejoindre Quartiers unis sur Egalis"));
        // Invited again: the new invitation replaces the first, whose link stops working.
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(zoe, url, "?handler=Inviter")).EnvoyerAsync(zoe, new() { ["Invitation.Email"] = "Leo@quartiers-unis.fr" })).StatusCode);
        var page = await zoe.GetHtmlAsync(url);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "quartiers-unis.fr, invitée par Zoé Secrétaire").Cast<object>());
        var leo = await InscrireAsync("Léo Trésorier", "leo@quartiers-unis.fr");
        Assert.Contains("Ce lien d'invitation n'est plus valable", await leo.GetHtmlAsync(new Uri(premier).PathAndQuery));

        // Revoked: the second link no longer works either.
        var id = System.Text.RegularExpressions.Regex.Match(await zoe.GetStringAsync(url), "invitation=(\\d+)&amp;handler=Revoquer").Groups[1].Value;
        var revoquer = await Formulaire.LireAsync(zoe, url, $"?handler=Revoquer&invitation={id}");
        Assert.Equal(HttpStatusCode.Redirect, (await revoquer.EnvoyerAsync(zoe)).StatusCode);
        Assert.Contains("Invitation révoquée : son lien ne fonctionne plus.", await zoe.GetHtmlAsync(url));
        var second = FondsDonnees.Lien(await MessageAsync("Leo@quartiers-unis.fr", "Invitation à rejoindre Quartiers unis sur Egalis"));
        Assert.Contains("Ce lien d'invitation n'est plus valable", await leo.GetHtmlAsync(new Uri(second).PathAndQuery));

        // At most twenty waiting at once.
        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(zoe, url, "?handler=Inviter")).EnvoyerAsync(zoe, new() { ["Invitation.Email"] = $"membre{i}@quartiers-unis.fr" })).StatusCode);
        }
        var trop = await (await Formulaire.LireAsync(zoe, url, "?handler=Inviter")).EnvoyerAsync(zoe, new() { ["Invitation.Email"] = "membre21@quartiers-unis.fr" });
        Assert.Contains("Au plus 20 invitations attendent une réponse : révoquez-en avant d'en envoyer d'autres.", await trop.ReadHtmlAsync());
    }
}
