using System.Globalization;
using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Files;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The work around a dossier in instruction: the message thread with the applicant (with attachments and e-mails),
/// the instructors' private annotations, the labels, who follows the dossier (« à moi ») and the steps applied to
/// several dossiers at once.
/// </summary>
public sealed class EchangesService(EgalisDbContext db, FileStore fichiers, IAuthorizationService autorisation, DeferredEmails envois, TimeProvider time,
    Platform.Collectivite.ProfilCollectivite profil, Platform.Workflows.Workflows workflows, CapabilityCatalog capacites)
{
    /// <summary>
    /// Who on the fund's side hears of what the applicant does on a dossier: the instructor following it; else those of
    /// the team who wrote in its thread; else the fund's team (the roles managing it everywhere).
    /// </summary>
    public static async Task<List<string>> DestinatairesEquipeAsync(EgalisDbContext db, CapabilityCatalog capacites, Dossier dossier, CancellationToken ct)
    {
        var ids = dossier.SuiviParId is { } suivi ? [suivi]
            : await db.Set<MessageDossier>().Where(m => m.DossierId == dossier.Id && m.DeLEquipe).Select(m => m.AuteurId).Distinct().ToListAsync(ct);
        var actifs = db.Users.Where(u => u.Email != null && u.DesactiveLe == null);
        if (ids.Count > 0)
        {
            return await actifs.Where(u => ids.Contains(u.Id)).Select(u => u.Email!).ToListAsync(ct);
        }
        var roles = capacites.Find(FondsModule.GererLeFonds).Roles.Where(r => Roles.PorteeRequise(r) == Portee.Aucune).ToList();
        return await actifs.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Email!).ToListAsync(ct);
    }

    public const int LongueurMessage = 4_000;
    public const int LongueurAnnotation = 2_000;
    public const int LongueurEtiquette = 50;
    public const string TypeFichiers = "fonds-message";
    public const long TaillePieceJointeMax = 10 * 1024 * 1024;

    public sealed record Message(MessageDossier Contenu, StoredFile? Fichier);

    public async Task<List<Message>> MessagesAsync(int dossierId, CancellationToken ct) =>
        (await (from m in db.Set<MessageDossier>().AsNoTracking()
                join f in db.Set<StoredFile>() on m.FichierId equals f.Id into pj
                from f in pj.DefaultIfEmpty()
                where m.DossierId == dossierId
                orderby m.Le, m.Id
                select new { m, f }).ToListAsync(ct))
        .Select(x => new Message(x.m, x.f)).ToList();

    public Task<List<AnnotationDossier>> AnnotationsAsync(int dossierId, CancellationToken ct) =>
        db.Set<AnnotationDossier>().AsNoTracking().Where(a => a.DossierId == dossierId).OrderBy(a => a.Le).ThenBy(a => a.Id).ToListAsync(ct);

    private async Task<bool> InstruitAsync(Dossier dossier, ClaimsPrincipal qui) =>
        dossier.Etat != EtatDossier.Brouillon && (await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.InstruireLesDossiers))).Succeeded;

    private async Task<bool> MembreAsync(Dossier dossier, ClaimsPrincipal qui) =>
        dossier.Etat != EtatDossier.Brouillon && (await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded;

    /// <summary>
    /// Writes in a dossier's thread, as an instructor (the organisation's members are e-mailed) or as a member (the
    /// instructor following the dossier, or those who wrote in the thread, are e-mailed). A draft has no thread.
    /// </summary>
    public async Task<Result> EcrireAsync(int dossierId, bool deLEquipe, string? texte, Microsoft.AspNetCore.Http.IFormFile? pieceJointe, Guid? jeton, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is null || !(deLEquipe ? await InstruitAsync(dossier, qui) : await MembreAsync(dossier, qui)))
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        texte = Texts.Clean(texte);
        if (texte is null)
        {
            return Result.Failure("Texte", "Écrivez le message.");
        }
        if (Texts.TropLong(texte, LongueurMessage, "Le message") is { } tropLong)
        {
            return Result.Failure("Texte", tropLong);
        }
        StoredFile? fichier = null;
        if (pieceJointe is { Length: > 0 })
        {
            var (stocke, depot) = await fichiers.AddAsync(pieceJointe, "PieceJointe", TypeFichiers, dossierId.ToString(CultureInfo.InvariantCulture), FileFormat.Documents, qui, TaillePieceJointeMax, ct);
            if (!depot.Ok)
            {
                db.ChangeTracker.Clear();
                return depot;
            }
            fichier = stocke;
        }
        var auteur = PorteeUtilisateur.NomDe(qui);
        var auteurId = OrganisationsService.Id(qui)!;
        db.Add(new MessageDossier { DossierId = dossierId, DeLEquipe = deLEquipe, AuteurId = auteurId, Auteur = auteur, Texte = texte, FichierId = fichier?.Id, Le = time.GetUtcNow(), Jeton = jeton });
        if (!await UneFoisAsync(db, ct))
        {
            return Result.Success(dossierId);
        }
        var extrait = texte.Length > 500 ? texte[..500] + "…" : texte;
        if (deLEquipe)
        {
            await DossiersService.NotifierMembresAsync(db, workflows, profil, dossier,
                ("Nouveau message sur votre dossier", $"Dossier « {dossier.Intitule} ».\n{auteur} vous écrit :\n\n{extrait}\n\nRépondez depuis la page du dossier."), lienBase, ct);
        }
        else
        {
            foreach (var adresse in await DestinatairesEquipeAsync(db, capacites, dossier, ct))
            {
                envois.Enqueue(new EmailMessage(adresse, "Message d'un porteur de projet – fonds d'initiative",
                    $"Bonjour,\n\n{auteur} a écrit sur le dossier « {dossier.Intitule} » :\n\n{extrait}\n\nLe dossier : {lienBase}/fonds/instruction/dossier/{dossierId}#messages\n\nEgalis"));
            }
        }
        return Result.Success(dossierId);
    }

    /// <summary>An instructor's private note on a dossier: only instructors read it.</summary>
    public async Task<Result> AnnoterAsync(int dossierId, string? texte, Guid? jeton, ClaimsPrincipal qui, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is null || !await InstruitAsync(dossier, qui))
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        texte = Texts.Clean(texte);
        if (texte is null)
        {
            return Result.Failure("Annotation", "Écrivez l'annotation.");
        }
        if (Texts.TropLong(texte, LongueurAnnotation, "L'annotation") is { } tropLong)
        {
            return Result.Failure("Annotation", tropLong);
        }
        db.Add(new AnnotationDossier { DossierId = dossierId, AuteurId = OrganisationsService.Id(qui)!, Auteur = PorteeUtilisateur.NomDe(qui), Texte = texte, Le = time.GetUtcNow(), Jeton = jeton });
        await UneFoisAsync(db, ct);
        return Result.Success(dossierId);
    }

    /// <summary>Saves what a form adds once: the same rendered form sent twice finds its token taken and adds nothing.</summary>
    public static async Task<bool> UneFoisAsync(EgalisDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task<List<EtiquetteFonds>> EtiquettesAsync(CancellationToken ct) => db.Set<EtiquetteFonds>().AsNoTracking().OrderBy(e => e.Nom).ToListAsync(ct);

    /// <summary>A new label, unique by name (the database says so when two people create it at once).</summary>
    public async Task<Result> CreerEtiquetteAsync(string? nom, CancellationToken ct)
    {
        nom = Texts.Clean(nom);
        if (nom is null)
        {
            return Result.Failure("NouvelleEtiquette", "Indiquez le nom de l'étiquette.");
        }
        if (Texts.TropLong(nom, LongueurEtiquette, "Le nom d'une étiquette") is { } tropLong)
        {
            return Result.Failure("NouvelleEtiquette", tropLong);
        }
        var minuscules = nom.ToLowerInvariant();
        if (await db.Set<EtiquetteFonds>().Where(e => e.Nom.ToLower() == minuscules).Select(e => e.Nom).FirstOrDefaultAsync(ct) is { } existante)
        {
            return Result.Failure("NouvelleEtiquette", $"L'étiquette « {existante} » existe déjà.");
        }
        var etiquette = new EtiquetteFonds { Nom = nom };
        db.Add(etiquette);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("NouvelleEtiquette", $"L'étiquette « {nom} » vient d'être créée par quelqu'un d'autre.");
        }
        return Result.Success(etiquette.Id);
    }

    public Task<List<string>> EtiquettesDuDossierAsync(int dossierId, CancellationToken ct) =>
        (from l in db.Set<EtiquetteDossier>() join e in db.Set<EtiquetteFonds>() on l.EtiquetteId equals e.Id where l.DossierId == dossierId orderby e.Nom select e.Nom).ToListAsync(ct);

    /// <summary>What can be done to several dossiers at once from the list.</summary>
    public enum ActionGroupee
    {
        Suivre,
        NePlusSuivre,
        Etiqueter,
        Desetiqueter,
        Instruire,
    }

    /// <summary>
    /// Applies one action to the chosen dossiers, each checked on its own (scope, state): those it does not apply to
    /// are listed with the reason, the others are done. Passing to instruction goes through the instructors' workflow.
    /// </summary>
    public async Task<(int Faits, List<string> Refus)> AppliquerAsync(IReadOnlyCollection<int> ids, ActionGroupee action, int? etiquetteId, ClaimsPrincipal qui,
        DossiersService dossiers, string lienBase, CancellationToken ct)
    {
        var refus = new List<string>();
        if (ids.Count is 0 or > 100)
        {
            refus.Add(ids.Count == 0 ? "Cochez au moins un dossier." : "100 dossiers au plus à la fois : affinez les filtres.");
            return (0, refus);
        }
        if (action is ActionGroupee.Etiqueter or ActionGroupee.Desetiqueter && (etiquetteId is null || !await db.Set<EtiquetteFonds>().AnyAsync(e => e.Id == etiquetteId, ct)))
        {
            refus.Add("Choisissez l'étiquette.");
            return (0, refus);
        }
        var moi = OrganisationsService.Id(qui)!;
        var nomMoi = PorteeUtilisateur.NomDe(qui);
        var choisis = ids.Distinct().Order().ToList();
        // One read for all of them: tracked, so that following and labels are saved (and audited) together.
        var trouves = await db.Set<Dossier>().Where(d => choisis.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var etiquetes = etiquetteId is { } e0
            ? await db.Set<EtiquetteDossier>().Where(l => l.EtiquetteId == e0 && choisis.Contains(l.DossierId)).ToDictionaryAsync(l => l.DossierId, ct)
            : [];
        var aInstruire = new List<Dossier>();
        var faits = 0;
        foreach (var id in choisis)
        {
            if (!trouves.TryGetValue(id, out var dossier) || !await InstruitAsync(dossier, qui))
            {
                refus.Add($"Dossier n° {id} : introuvable.");
                continue;
            }
            switch (action)
            {
                case ActionGroupee.Suivre or ActionGroupee.NePlusSuivre:
                    var suivre = action == ActionGroupee.Suivre;
                    (dossier.SuiviParId, dossier.SuiviPar) = suivre ? (moi, nomMoi) : (null, null);
                    faits++;
                    break;
                case ActionGroupee.Etiqueter:
                    if (!etiquetes.ContainsKey(id))
                    {
                        db.Add(new EtiquetteDossier { DossierId = id, EtiquetteId = etiquetteId!.Value });
                    }
                    faits++;
                    break;
                case ActionGroupee.Desetiqueter:
                    if (etiquetes.TryGetValue(id, out var lien))
                    {
                        db.Remove(lien);
                    }
                    faits++;
                    break;
                default:
                    if (dossier.Etat != EtatDossier.EnConstruction)
                    {
                        refus.Add($"« {dossier.Intitule ?? $"Dossier n° {id}"} » : {DossiersService.Libelle(dossier.Etat)}, il ne passe pas en instruction.");
                    }
                    else
                    {
                        aInstruire.Add(dossier);
                    }
                    break;
            }
        }
        if (action != ActionGroupee.Instruire)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e) || DatabaseErrors.IsUniqueViolation(e))
            {
                // Someone changed these dossiers at the same moment: nothing is applied, the list is read again.
                db.ChangeTracker.Clear();
                return (0, ["Ces dossiers viennent d'être modifiés par quelqu'un d'autre : rien n'a été appliqué, recommencez."]);
            }
            return (faits, refus);
        }
        // Passing to instruction is each dossier's own step, through the instructors' workflow.
        db.ChangeTracker.Clear();
        foreach (var dossier in aInstruire)
        {
            var resultat = await dossiers.InstruireAsync(dossier.Id, dossier.Version, EtatDossier.EnInstruction, null, qui, lienBase, ct);
            db.ChangeTracker.Clear();
            if (resultat.Ok)
            {
                faits++;
            }
            else
            {
                refus.Add($"« {dossier.Intitule ?? $"Dossier n° {dossier.Id}"} » : {resultat.Error}");
            }
        }
        return (faits, refus);
    }
}

/// <summary>An attachment of a dossier's thread is read by the organisation's members and by those who instruct the dossier.</summary>
public sealed class PiecesJointesMessages(EgalisDbContext db, IAuthorizationService autorisation) : IFileOwner
{
    public string Type => EchangesService.TypeFichiers;

    public async Task<bool> CanReadAsync(ClaimsPrincipal qui, string proprietaireId, CancellationToken ct)
    {
        if (!int.TryParse(proprietaireId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } dossier)
        {
            return false;
        }
        return (await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.InstruireLesDossiers))).Succeeded
            || (await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded;
    }
}
