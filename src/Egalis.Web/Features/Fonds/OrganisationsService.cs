using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Files;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The applicant organisations: created by a person who becomes their administrator, checked (SIRET, RNA, IBAN, BIC),
/// joined by invitation, with their supporting documents. Every operation checks that the person is a member (or an
/// administrator where it says so): an organisation's id in an address proves nothing.
/// </summary>
public sealed class OrganisationsService(EgalisDbContext db, FileStore fichiers, DeferredEmails envois, TimeProvider time, Platform.Collectivite.ProfilCollectivite profil)
{
    public const int LongueurNom = 300;
    public static readonly TimeSpan DureeInvitation = TimeSpan.FromDays(7);
    /// <summary>Invitations waiting at once for one organisation: enough for a board, too few to send mail in bulk.</summary>
    public const int InvitationsEnAttenteMaximum = 20;
    public const string TypeFichiers = "fonds-organisation";
    public const long TaillePieceMax = 10 * 1024 * 1024;

    public sealed record Saisie(TypeOrganisation Type, string? Nom, string? Siret, string? Rna, string? CommuneCodeInsee,
        string? Adresse, string? CodePostal, string? Ville, string? Iban, string? Bic, string? TitulaireCompte);

    public static string? Id(ClaimsPrincipal qui) => qui.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The person's membership of the organisation, or null: the pages answer « not found » without one.</summary>
    public Task<MembreOrganisation?> MembreAsync(int organisationId, ClaimsPrincipal qui, CancellationToken ct)
    {
        var id = Id(qui);
        return id is null ? Task.FromResult<MembreOrganisation?>(null)
            : db.Set<MembreOrganisation>().AsNoTracking().SingleOrDefaultAsync(m => m.OrganisationId == organisationId && m.UtilisateurId == id, ct);
    }

    public Task<List<Organisation>> MesOrganisationsAsync(ClaimsPrincipal qui, CancellationToken ct)
    {
        var id = Id(qui);
        return db.Set<Organisation>().AsNoTracking()
            .Where(o => db.Set<MembreOrganisation>().Any(m => m.OrganisationId == o.Id && m.UtilisateurId == id))
            .OrderBy(o => o.Nom).ToListAsync(ct);
    }

    private async Task<List<(string, string)>> VerifierAsync(Saisie s, CancellationToken ct)
    {
        var erreurs = new List<(string, string)>();
        if (Texts.Clean(s.Nom) is not { } nom)
        {
            erreurs.Add(("Nom", s.Type == TypeOrganisation.Commune ? "Indiquez le nom de la commune." : "Indiquez le nom de l'association."));
        }
        else if (nom.Length > LongueurNom)
        {
            erreurs.Add(("Nom", "Le nom ne doit pas dépasser 300 caractères."));
        }
        if (Identifiants.Siret(s.Siret) is { Ok: false } siret)
        {
            erreurs.Add(("Siret", siret.Erreur!));
        }
        if (s.Type == TypeOrganisation.Association && Texts.Clean(s.Rna) is not null && Identifiants.Rna(s.Rna) is { Ok: false } rna)
        {
            erreurs.Add(("Rna", rna.Erreur!));
        }
        if (s.Type == TypeOrganisation.Commune && s.CommuneCodeInsee is null)
        {
            erreurs.Add(("CommuneCodeInsee", "Choisissez la commune."));
        }
        if (s.CommuneCodeInsee is { } code && !await db.Set<Territoires.Commune>().AnyAsync(c => c.CodeInsee == code, ct))
        {
            erreurs.Add(("CommuneCodeInsee", "Choisissez la commune dans la liste."));
        }
        if (Texts.Clean(s.Adresse) is not { } adresse)
        {
            erreurs.Add(("Adresse", "Indiquez l'adresse du siège."));
        }
        else if (adresse.Length > 300)
        {
            erreurs.Add(("Adresse", "L'adresse ne doit pas dépasser 300 caractères."));
        }
        if (Identifiants.Compacter(s.CodePostal) is not { Length: 5 } cp || !cp.All(char.IsAsciiDigit))
        {
            erreurs.Add(("CodePostal", "Le code postal compte 5 chiffres."));
        }
        if (Texts.Clean(s.Ville) is not { } ville)
        {
            erreurs.Add(("Ville", "Indiquez la ville."));
        }
        else if (ville.Length > 100)
        {
            erreurs.Add(("Ville", "La ville ne doit pas dépasser 100 caractères."));
        }
        // Bank details may come later (they are needed before a dossier is submitted), but what is typed is checked.
        if (Texts.Clean(s.Iban) is not null && Identifiants.Iban(s.Iban) is { Ok: false } iban)
        {
            erreurs.Add(("Iban", iban.Erreur!));
        }
        if (Texts.Clean(s.Bic) is not null && Identifiants.Bic(s.Bic) is { Ok: false } bic)
        {
            erreurs.Add(("Bic", bic.Erreur!));
        }
        if (Texts.Clean(s.TitulaireCompte) is { Length: > 200 })
        {
            erreurs.Add(("TitulaireCompte", "Le titulaire du compte ne doit pas dépasser 200 caractères."));
        }
        return erreurs;
    }

    private static void Appliquer(Organisation o, Saisie s)
    {
        o.Type = s.Type;
        o.Nom = Texts.Clean(s.Nom)!;
        o.Siret = Identifiants.Siret(s.Siret).Valeur!;
        o.Rna = s.Type == TypeOrganisation.Association && Texts.Clean(s.Rna) is not null ? Identifiants.Rna(s.Rna).Valeur : null;
        o.CommuneCodeInsee = s.CommuneCodeInsee;
        o.Adresse = Texts.Clean(s.Adresse)!;
        o.CodePostal = Identifiants.Compacter(s.CodePostal);
        o.Ville = Texts.Clean(s.Ville)!;
        o.Iban = Texts.Clean(s.Iban) is null ? null : Identifiants.Iban(s.Iban).Valeur;
        o.Bic = Texts.Clean(s.Bic) is null ? null : Identifiants.Bic(s.Bic).Valeur;
        o.TitulaireCompte = Texts.Clean(s.TitulaireCompte);
    }

    private const string SiretPris = "Une organisation porte déjà ce SIRET sur Egalis : demandez à l'un de ses administrateurs de vous inviter.";

    /// <summary>Creates the organisation; its creator is its first administrator.</summary>
    public async Task<Result> CreerAsync(Saisie s, ClaimsPrincipal qui, CancellationToken ct)
    {
        var erreurs = await VerifierAsync(s, ct);
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        var organisation = new Organisation { Nom = "", Siret = "", Adresse = "", CodePostal = "", Ville = "", CreeLe = time.GetUtcNow() };
        Appliquer(organisation, s);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(organisation);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Add(new MembreOrganisation { OrganisationId = organisation.Id, UtilisateurId = Id(qui)!, Administrateur = true, DepuisLe = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Result.Success(organisation.Id);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("Siret", SiretPris);
        }
    }

    public async Task<Result> ModifierAsync(int id, int version, Saisie s, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await MembreAsync(id, qui, ct) is not { Administrateur: true })
        {
            return Result.Failure("", "Seuls les administrateurs de l'organisation la modifient.");
        }
        var organisation = await db.Set<Organisation>().SingleAsync(o => o.Id == id, ct);
        var erreurs = await VerifierAsync(s with { Type = organisation.Type }, ct);
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        db.Entry(organisation).Property(o => o.Version).OriginalValue = version;
        organisation.Version = version + 1;
        Appliquer(organisation, s with { Type = organisation.Type });
        try
        {
            var conflit = await db.SaveAsync(async () =>
            {
                var actuelle = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == id, ct);
                return $"nom « {actuelle.Nom} », SIRET {actuelle.Siret}";
            }, ct);
            return conflit is null ? Result.Success(id) : Result.Failure("", $"{Concurrency.Message} Enregistré entre-temps : {conflit}.");
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("Siret", SiretPris);
        }
    }

    private static string Hacher(string jeton) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jeton)));

    /// <summary>An administrator invites someone by e-mail; the link is valid 7 days and works for that address only.</summary>
    public async Task<Result> InviterAsync(int id, string? email, bool administrateur, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await MembreAsync(id, qui, ct) is not { Administrateur: true })
        {
            return Result.Failure("", "Seuls les administrateurs de l'organisation invitent.");
        }
        var adresse = Texts.Clean(email);
        if (adresse is null || adresse.Length > 254 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(adresse))
        {
            return Result.Failure("Email", "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr.");
        }
        var normalisee = adresse.ToUpperInvariant();
        if (await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == id && db.Users.Any(u => u.Id == m.UtilisateurId && u.NormalizedEmail == normalisee), ct))
        {
            return Result.Failure("Email", "Cette personne est déjà membre de l'organisation.");
        }
        var maintenant = time.GetUtcNow();
        // A new invitation to the same address replaces the one waiting (its link stops working).
        db.RemoveRange(await db.Set<InvitationOrganisation>().Where(i => i.OrganisationId == id && i.Email.ToUpper() == normalisee).ToListAsync(ct));
        if (await db.Set<InvitationOrganisation>().CountAsync(i => i.OrganisationId == id && i.ExpireLe > maintenant && i.Email.ToUpper() != normalisee, ct) >= InvitationsEnAttenteMaximum)
        {
            db.ChangeTracker.Clear();
            return Result.Failure("Email", $"Au plus {InvitationsEnAttenteMaximum} invitations attendent une réponse : révoquez-en avant d'en envoyer d'autres.");
        }
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == id, ct);
        var jeton = WebEncodersJeton();
        db.Add(new InvitationOrganisation
        {
            OrganisationId = id, Email = adresse, JetonHache = Hacher(jeton), Administrateur = administrateur,
            InvitePar = PorteeUtilisateur.NomDe(qui), ExpireLe = time.GetUtcNow() + DureeInvitation,
        });
        await db.SaveChangesAsync(ct);
        var lien = $"{lienBase}/fonds/rejoindre?jeton={jeton}";
        envois.Enqueue(new EmailMessage(adresse, $"Invitation à rejoindre {organisation.Nom} sur Egalis",
            $"Bonjour,\n\n{PorteeUtilisateur.NomDe(qui)} vous invite à agir pour « {organisation.Nom} » sur Egalis, la plateforme du « {profil.Plan} » {French.DeGroupe(profil.Designation)} : déposer et suivre les dossiers de l'organisation au fonds d'initiative.\n\nPour accepter, suivez ce lien (valable 7 jours) ; il vous demandera de vous connecter, ou de créer votre compte avec cette adresse ({adresse}) :\n{lien}\n\nSi vous n'attendiez pas ce message, ignorez-le.\n\nL'équipe du plan – {profil.Nom}"));
        return Result.Success(id);
    }

    private static string WebEncodersJeton() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The invitation this link carries, if it is still valid.</summary>
    public async Task<(InvitationOrganisation Invitation, Organisation Organisation)?> InvitationAsync(string? jeton, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(jeton) || jeton.Length > 100)
        {
            return null;
        }
        var hache = Hacher(jeton);
        var maintenant = time.GetUtcNow();
        var trouvee = await (from i in db.Set<InvitationOrganisation>().AsNoTracking()
                             join o in db.Set<Organisation>() on i.OrganisationId equals o.Id
                             where i.JetonHache == hache
                             select new { i, o }).SingleOrDefaultAsync(ct);
        return trouvee is null || trouvee.i.ExpireLe <= maintenant ? null : (trouvee.i, trouvee.o);
    }

    /// <summary>The invited person accepts: signed in with the address the invitation was sent to.</summary>
    public async Task<Result> RejoindreAsync(string? jeton, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await InvitationAsync(jeton, ct) is not var (invitation, organisation))
        {
            return Result.Failure("", "Ce lien d'invitation n'est plus valable : demandez à l'administrateur de l'organisation de vous inviter de nouveau.");
        }
        var id = Id(qui);
        var compte = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, ct);
        if (!string.Equals(compte.NormalizedEmail, invitation.Email.ToUpperInvariant(), StringComparison.Ordinal))
        {
            return Result.Failure("", $"Cette invitation a été envoyée à {invitation.Email} : connectez-vous avec le compte de cette adresse pour l'accepter.");
        }
        if (await db.Set<InvitationOrganisation>().FindAsync([invitation.Id], ct) is { } utilisee)
        {
            db.Remove(utilisee);
        }
        if (!await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == organisation.Id && m.UtilisateurId == id, ct))
        {
            db.Add(new MembreOrganisation { OrganisationId = organisation.Id, UtilisateurId = id!, Administrateur = invitation.Administrateur, DepuisLe = time.GetUtcNow() });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            // The same link followed twice at once: the first made the person a member.
            db.ChangeTracker.Clear();
        }
        return Result.Success(organisation.Id);
    }

    public sealed record Invitation(int Id, string Email, string InvitePar, DateTimeOffset ExpireLe);

    /// <summary>The invitations still waiting for an answer.</summary>
    public async Task<List<Invitation>> InvitationsAsync(int id, CancellationToken ct)
    {
        var maintenant = time.GetUtcNow();
        return (await db.Set<InvitationOrganisation>().AsNoTracking().Where(i => i.OrganisationId == id).ToListAsync(ct))
            .Where(i => i.ExpireLe > maintenant).OrderBy(i => i.Email, StringComparer.Ordinal)
            .Select(i => new Invitation(i.Id, i.Email, i.InvitePar, i.ExpireLe)).ToList();
    }

    /// <summary>An administrator withdraws an invitation: its link no longer works.</summary>
    public async Task<Result> RevoquerAsync(int id, int invitationId, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await MembreAsync(id, qui, ct) is not { Administrateur: true })
        {
            return Result.Failure("", "Seuls les administrateurs de l'organisation révoquent une invitation.");
        }
        if (await db.Set<InvitationOrganisation>().SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == id, ct) is { } invitation)
        {
            db.Remove(invitation);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Accepted or revoked at the same moment: it no longer waits either way.
                db.ChangeTracker.Clear();
            }
        }
        return Result.Success(id);
    }

    public sealed record Membre(int Id, string Nom, string Email, bool Administrateur, bool RepresentantLegal, string? Qualite);

    public Task<List<Membre>> MembresAsync(int id, CancellationToken ct) =>
        (from m in db.Set<MembreOrganisation>().AsNoTracking()
         join u in db.Users on m.UtilisateurId equals u.Id
         where m.OrganisationId == id
         orderby u.NomComplet
         select new Membre(m.Id, u.NomComplet, u.Email!, m.Administrateur, m.RepresentantLegal, m.Qualite)).ToListAsync(ct);

    /// <summary>Names the legal representative (one at a time) with their title.</summary>
    public async Task<Result> DesignerRepresentantAsync(int id, int membreId, string? qualite, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await MembreAsync(id, qui, ct) is not { Administrateur: true })
        {
            return Result.Failure("", "Seuls les administrateurs de l'organisation désignent son représentant légal.");
        }
        var titre = Texts.Clean(qualite);
        if (titre is null)
        {
            return Result.Failure("Qualite", "Indiquez la qualité du représentant légal, par exemple « Présidente » ou « Maire ».");
        }
        if (titre.Length > 100)
        {
            return Result.Failure("Qualite", "La qualité ne doit pas dépasser 100 caractères.");
        }
        var membres = await db.Set<MembreOrganisation>().Where(m => m.OrganisationId == id).ToListAsync(ct);
        if (membres.SingleOrDefault(m => m.Id == membreId) is not { } designe)
        {
            return Result.Failure("MembreId", "Choisissez un membre de l'organisation.");
        }
        foreach (var m in membres.Where(m => m.RepresentantLegal && m.Id != membreId))
        {
            m.RepresentantLegal = false;
            m.Qualite = null;
        }
        designe.RepresentantLegal = true;
        designe.Qualite = titre;
        await db.SaveChangesAsync(ct);
        return Result.Success(id);
    }

    /// <summary>An administrator removes a member (themself included), never the last administrator.</summary>
    public async Task<Result> RetirerAsync(int id, int membreId, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await MembreAsync(id, qui, ct) is not { Administrateur: true })
        {
            return Result.Failure("", "Seuls les administrateurs de l'organisation retirent un membre.");
        }
        var membres = await db.Set<MembreOrganisation>().Where(m => m.OrganisationId == id).ToListAsync(ct);
        if (membres.SingleOrDefault(m => m.Id == membreId) is not { } retire)
        {
            return Result.Success(id);
        }
        if (retire.Administrateur && membres.Count(m => m.Administrateur) == 1)
        {
            return Result.Failure("", "L'organisation garde au moins un administrateur : désignez-en un autre avant de retirer celui-ci.");
        }
        db.Remove(retire);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by another administrator at the same moment: the result is the same.
            db.ChangeTracker.Clear();
        }
        return Result.Success(id);
    }

    /// <summary>The legal representative as documents name them: « Inès Martin, Présidente ».</summary>
    public static Task<string?> RepresentantAsync(EgalisDbContext db, int organisationId, CancellationToken ct) =>
        (from m in db.Set<MembreOrganisation>()
         join u in db.Users on m.UtilisateurId equals u.Id
         where m.OrganisationId == organisationId && m.RepresentantLegal
         select u.NomComplet + ", " + m.Qualite).FirstOrDefaultAsync(ct);

    public sealed record Piece(int Id, TypePiece Type, StoredFile Fichier, DateOnly? ValableJusquAu);

    public async Task<List<Piece>> PiecesAsync(int id, CancellationToken ct) =>
        (await (from p in db.Set<PieceOrganisation>().AsNoTracking()
                join f in db.Set<StoredFile>() on p.FichierId equals f.Id
                where p.OrganisationId == id
                select new { p, f }).ToListAsync(ct))
        .Select(x => new Piece(x.p.Id, x.p.Type, x.f, x.p.ValableJusquAu))
        .OrderBy(p => p.Type).ThenByDescending(p => p.Fichier.DeposeLe).ToList();

    public static string Libelle(TypePiece type) => type switch
    {
        TypePiece.Statuts => "Statuts",
        TypePiece.Rib => "Relevé d'identité bancaire",
        TypePiece.Comptes => "Derniers comptes approuvés",
        TypePiece.RapportActivite => "Dernier rapport d'activité",
        TypePiece.Budget => "Budget prévisionnel de l'organisation",
        _ => "Autre pièce",
    };

    /// <summary>Any member deposits a document (PDF, office document or image, 10 MB at most), with its date of validity.</summary>
    public async Task<Result> DeposerAsync(int id, TypePiece type, IFormFile? fichier, DateOnly? valableJusquAu, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await MembreAsync(id, qui, ct) is null)
        {
            return Result.Failure("", "Seuls les membres de l'organisation y déposent des pièces.");
        }
        if (!Enum.IsDefined(type))
        {
            return Result.Failure("Type", "Choisissez le type de pièce dans la liste.");
        }
        if (Years.CheckDate(valableJusquAu, "La date de validité") is { } horsBornes)
        {
            return Result.Failure("ValableJusquAu", horsBornes);
        }
        var (stocke, resultat) = await fichiers.AddAsync(fichier, "Fichier", TypeFichiers, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FileFormat.Documents, qui, TaillePieceMax, ct);
        if (!resultat.Ok)
        {
            return resultat;
        }
        db.Add(new PieceOrganisation { OrganisationId = id, Type = type, FichierId = stocke!.Id, ValableJusquAu = valableJusquAu });
        await db.SaveChangesAsync(ct);
        return Result.Success(id);
    }
}

/// <summary>An organisation's documents are read by its members and by the fund's team, nobody else.</summary>
public sealed class PiecesOrganisation(EgalisDbContext db, Microsoft.AspNetCore.Authorization.IAuthorizationService autorisation, CapabilityCatalog capacites) : IFileOwner
{
    public string Type => OrganisationsService.TypeFichiers;

    public async Task<bool> CanReadAsync(ClaimsPrincipal qui, string proprietaireId, CancellationToken ct)
    {
        if (!int.TryParse(proprietaireId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        if ((await Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions.AuthorizeAsync(autorisation, qui, FondsModule.GererLeFonds)).Succeeded)
        {
            return true;
        }
        // An instructor reads the documents of an organisation whose submitted dossier is in their scope (the list's own filter).
        var portee = capacites.ScopeOf(qui, FondsModule.InstruireLesDossiers);
        if (portee != CapabilityScope.None && await InstructionListe.Filtrer(db, portee, null, null, null).AnyAsync(d => d.OrganisationId == id, ct))
        {
            return true;
        }
        var utilisateur = OrganisationsService.Id(qui);
        if (utilisateur is null)
        {
            return false;
        }
        if (await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == id && m.UtilisateurId == utilisateur, ct))
        {
            return true;
        }
        // An expert whose opinion is asked (not revoked) on one of its dossiers reads what the dossier shows.
        var email = (await db.Users.Where(u => u.Id == utilisateur && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(ct)) is { } adresse ? AvisService.Normaliser(adresse) : null;
        return email is not null && await (from a in db.Set<AvisExpert>()
                                           join d in db.Set<Dossier>() on a.DossierId equals d.Id
                                           where d.OrganisationId == id && a.RevoqueLe == null && a.ReponduLe == null && a.Email == email
                                           select a.Id).AnyAsync(ct);
    }
}
