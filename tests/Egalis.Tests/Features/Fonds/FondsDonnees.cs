using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Egalis.Tests.Features.Fonds;

/// <summary>What the fund's tests start from: accounts made through the forms, an open call, a complete organisation.</summary>
public static class FondsDonnees
{
    public const string MotDePasse = "Un mot de passe bien long 2026";

    public static async Task<MimeMessage> MessageAsync(this EgalisFactory factory, string a, string sujet)
    {
        var limite = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (factory.Smtp.Messages.LastOrDefault(m => m.Subject == sujet && m.To.Mailboxes.Any(b => b.Address == a)) is { } message)
            {
                return message;
            }
            Assert.True(DateTime.UtcNow < limite, $"Aucun message « {sujet} » pour {a}.");
            await Task.Delay(50);
        }
    }

    public static string Lien(MimeMessage message) => Regex.Match(message.TextBody ?? "", @"http://[^\s]+").Value;

    /// <summary>Creates an account through the registration form and activates it through the e-mailed link.</summary>
    public static async Task<HttpClient> InscrireAsync(this EgalisFactory factory, string nom, string email)
    {
        var visiteur = factory.Client();
        var formulaire = await Formulaire.LireAsync(visiteur, "/compte/inscription");
        var reponse = await formulaire.EnvoyerAsync(visiteur, new() { ["Input.NomComplet"] = nom, ["Input.Email"] = email, ["Input.Consentement"] = "true" });
        Assert.Contains($"Un message vient d'être envoyé à {email}.", await reponse.ReadHtmlAsync());
        var lien = new Uri(Lien(await factory.MessageAsync(email, "Confirmez la création de votre compte Egalis")));
        var choisir = await Formulaire.LireAsync(visiteur, lien.PathAndQuery);
        var choisi = await choisir.EnvoyerAsync(visiteur, new() { ["MotDePasse"] = MotDePasse, ["Confirmation"] = MotDePasse });
        Assert.Equal(HttpStatusCode.OK, choisi.StatusCode);
        return await factory.SignedInAsync(email, MotDePasse);
    }

    private static ClaimsPrincipal Equipe() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "equipe"), new Claim(ClaimTypes.Name, "Équipe du plan"), new Claim(ClaimTypes.Role, Egalis.Web.Platform.Identity.Roles.ChefDeProjet)], "test"));

    /// <summary>A published call, open until 2099, in the Pays d'Aix and Marseille Provence, 15 000 € at most and 80 % of the cost.</summary>
    public static async Task<int> AppelOuvertAsync(this EgalisFactory factory, string titre, decimal enveloppeSiNouvelle = 20_000m)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var enveloppe = await db.Set<Allocation>().Where(a => a.ActionCode == AppelsService.ActionDuFonds).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (enveloppe is null)
        {
            var credit = await db.Set<Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).FirstAsync();
            enveloppe = (await scope.ServiceProvider.GetRequiredService<BudgetService>().AllouerAsync(credit, AppelsService.ActionDuFonds, enveloppeSiNouvelle)).Id;
        }
        var appels = scope.ServiceProvider.GetRequiredService<AppelsService>();
        var cree = await appels.CreerAsync(new AppelsService.Saisie(2027, titre, "Règlement.", new DateOnly(2026, 1, 5), new TimeOnly(9, 0),
            new DateOnly(2099, 3, 29), new TimeOnly(12, 0), enveloppe, true, true, ["CT1", "CT2"], true, 15_000m, 80, 2,
            [new AppelsService.Critere("Pertinence", 3, 5), new AppelsService.Critere("Public", 2, 5)]), default);
        Assert.True(cree.Ok, cree.Error);
        db.ChangeTracker.Clear();
        var publie = await appels.ChangerStatutAsync(cree.Id!.Value, 0, StatutAppel.Publie, Equipe(), null, default);
        Assert.True(publie.Ok, publie.Error);
        return cree.Id.Value;
    }

    /// <summary>An association ready to apply: bank details, a legal representative, its statutes and RIB; the person is its administrator.</summary>
    public static async Task<int> AssociationPreteAsync(this EgalisFactory factory, string email, string nom, string siret)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var utilisateur = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        var organisation = new Organisation
        {
            Type = TypeOrganisation.Association, Nom = nom, Siret = siret, Rna = "W133001234", Adresse = "12 rue de la République", CodePostal = "13002",
            Ville = "Marseille", CommuneCodeInsee = "13055", Iban = "FR7630006000011234567890189", Bic = "AGRIFRPP", TitulaireCompte = nom, CreeLe = DateTimeOffset.UtcNow,
        };
        db.Add(organisation);
        await db.SaveChangesAsync();
        db.Add(new MembreOrganisation { OrganisationId = organisation.Id, UtilisateurId = utilisateur, Administrateur = true, RepresentantLegal = true, Qualite = "Présidente", DepuisLe = DateTimeOffset.UtcNow });
        foreach (var type in new[] { TypePiece.Statuts, TypePiece.Rib })
        {
            var fichier = new StoredFile
            {
                Id = Guid.NewGuid(), ProprietaireType = OrganisationsService.TypeFichiers, ProprietaireId = organisation.Id.ToString(), Nom = $"{type}.pdf",
                TypeMime = "application/pdf", Taille = 8, Sha256 = new string('0', 64), DeposePar = nom, DeposeLe = DateTimeOffset.UtcNow,
            };
            db.Add(fichier);
            db.Add(new FileContent { FichierId = fichier.Id, Octets = "%PDF-1.7"u8.ToArray() });
            db.Add(new PieceOrganisation { OrganisationId = organisation.Id, Type = type, FichierId = fichier.Id });
        }
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    public static ClaimsPrincipal Personne(string id, string nom, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, nom), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>
    /// A dossier of a new association, complete, submitted and in instruction (« montant » asked, the project costing
    /// 1.25 times as much): made through the services, as the forms would.
    /// </summary>
    public static async Task<int> DossierEnInstructionAsync(this EgalisFactory factory, int appel, string nom, string siret, decimal montant, bool memeOrganisation = false)
    {
        string utilisateur;
        var email = $"{siret}@asso.fr";
        int organisation;
        if (memeOrganisation)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            organisation = await db.Set<Organisation>().Where(o => o.Siret == siret).Select(o => o.Id).SingleAsync();
            utilisateur = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }
        else
        {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Egalis.Web.Platform.Identity.Utilisateur>>();
            var compte = new Egalis.Web.Platform.Identity.Utilisateur { UserName = email, Email = email, EmailConfirmed = true, NomComplet = $"Présidente de {nom}", CreeLe = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(compte, MotDePasse)).Succeeded);
            await users.AddToRoleAsync(compte, Egalis.Web.Platform.Identity.Roles.Porteur);
            utilisateur = compte.Id;
        }
        organisation = await factory.AssociationPreteAsync(email, nom, siret);
        }
        var membre = Personne(utilisateur, $"Présidente de {nom}", Egalis.Web.Platform.Identity.Roles.Porteur);
        using (var scope = factory.Services.CreateScope())
        {
            var dossiers = scope.ServiceProvider.GetRequiredService<DossiersService>();
            var id = (await dossiers.CreerAsync(appel, organisation, membre, default)).Id!.Value;
            var cout = montant * 1.25m;
            var saisie = new DossiersService.Saisie(null, 2, 1.5m, 10, $"Projet de {nom}", "Objectifs", "Description", "Public", 100,
                new DateOnly(2026, 9, 1), new DateOnly(2027, 6, 30), ["13055"], [], ["origine"], ["emploi"], "Moyens", "Évaluation", montant,
                new Dictionary<string, decimal?> { ["64"] = cout, ["74-etat"] = cout - montant }, true, true);
            var enregistre = await dossiers.EnregistrerAsync(id, 0, saisie, membre, default);
            Assert.True(enregistre.Ok, enregistre.Error);
        }
        int dossier;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            dossier = await db.Set<Dossier>().Where(d => d.OrganisationId == organisation && d.AppelId == appel).Select(d => d.Id).SingleAsync();
            var depose = await scope.ServiceProvider.GetRequiredService<DossiersService>().DeposerAsync(dossier, 1, membre, "http://localhost", default);
            Assert.True(depose.Ok, depose.Error);
        }
        using (var scope = factory.Services.CreateScope())
        {
            var instruit = await scope.ServiceProvider.GetRequiredService<DossiersService>()
                .InstruireAsync(dossier, 2, EtatDossier.EnInstruction, null, Personne("instructeur-test", "Ivan Instructeur", Egalis.Web.Platform.Identity.Roles.Instructeur), "http://localhost", default);
            Assert.True(instruit.Ok, instruit.Error);
        }
        return dossier;
    }

    /// <summary>A committee on the call, at that date, granting these amounts through its service (the dossiers scored enough).</summary>
    public static async Task<int> ComiteAsync(this EgalisFactory factory, int appel, DateOnly date, params (int Dossier, decimal Montant)[] accords)
    {
        using var scope = factory.Services.CreateScope();
        var comites = scope.ServiceProvider.GetRequiredService<ComiteService>();
        var comite = (await comites.CreerComiteAsync(appel, date, default)).Id!.Value;
        var resultat = await comites.AppliquerAsync(comite, 0, accords.Select(a => new ComiteService.Choix(a.Dossier, true, a.Montant, null)).ToList(),
            Personne("cheffe", "Camille Chef de projet", Egalis.Web.Platform.Identity.Roles.ChefDeProjet), "http://localhost", default);
        Assert.True(resultat.Ok, resultat.Error);
        return comite;
    }

    /// <summary>Scores a dossier by an instructor (every criterion of the grid at the given score).</summary>
    public static async Task NoterAsync(this EgalisFactory factory, int dossier, string instructeur, int note)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var appel = await db.Set<Dossier>().Where(d => d.Id == dossier).Select(d => d.AppelId).SingleAsync();
        var criteres = await db.Set<CritereNotation>().Where(c => c.AppelId == appel).Select(c => c.Id).ToListAsync();
        var resultat = await scope.ServiceProvider.GetRequiredService<ComiteService>().NoterAsync(dossier, criteres.ToDictionary(c => c, _ => (int?)note),
            Personne($"id-{instructeur}", instructeur, Egalis.Web.Platform.Identity.Roles.Instructeur), default);
        Assert.True(resultat.Ok, resultat.Error);
    }
}
