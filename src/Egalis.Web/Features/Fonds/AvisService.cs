using System.Globalization;
using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Expert opinions: an instructor asks someone (by e-mail address) a question on a dossier; the expert signs in with
/// an account of that address, reads the dossier and answers once. The instructor reminds or revokes; a confidential
/// opinion is read only by whoever asked it and the fund's team.
/// </summary>
public sealed class AvisService(EgalisDbContext db, IAuthorizationService autorisation, DeferredEmails envois, TimeProvider time)
{
    public const int LongueurQuestion = 2_000;
    public const int LongueurReponse = 4_000;
    /// <summary>Opinions waiting on one dossier at once: enough for a real review, not a mailing list.</summary>
    public const int EnAttenteMax = 10;

    /// <summary>Addresses are kept in lower case, so that the expert's pages find theirs by the index, whatever the case typed.</summary>
    internal static string Normaliser(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Whether this person reads this opinion (question, answer, reminders): anyone instructing the dossier, unless confidential (then whoever asked and the team).</summary>
    private static bool Lisible(AvisExpert avis, string? qui, bool equipe) => !avis.Confidentiel || equipe || avis.DemandeParId == qui;

    private async Task<bool> EquipeAsync(ClaimsPrincipal qui) => (await autorisation.AuthorizeAsync(qui, FondsModule.GererLeFonds)).Succeeded;

    /// <summary>The opinions asked on a dossier, each with whether this person reads it.</summary>
    public async Task<List<(AvisExpert Avis, bool Lisible)>> DuDossierAsync(int dossierId, ClaimsPrincipal qui, CancellationToken ct)
    {
        var (moi, equipe) = (OrganisationsService.Id(qui), await EquipeAsync(qui));
        return (await db.Set<AvisExpert>().AsNoTracking().Where(a => a.DossierId == dossierId).OrderBy(a => a.DemandeLe).ThenBy(a => a.Id).ToListAsync(ct))
            .Select(a => (a, Lisible(a, moi, equipe))).ToList();
    }

    private async Task<Dossier?> InstruitAsync(int dossierId, ClaimsPrincipal qui, CancellationToken ct) =>
        await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId && d.Etat != EtatDossier.Brouillon, ct) is { } dossier
        && (await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.InstruireLesDossiers))).Succeeded ? dossier : null;

    public async Task<Result> DemanderAsync(int dossierId, string? email, string? question, bool confidentiel, Guid? jeton, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await InstruitAsync(dossierId, qui, ct) is not { } dossier)
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        var erreurs = new List<(string, string)>();
        email = Texts.Clean(email);
        if (email is null || email.Length > 254 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            erreurs.Add(("AvisEmail", "Indiquez l'adresse électronique de l'expert, par exemple prenom.nom@exemple.fr."));
        }
        question = Texts.Clean(question);
        if (question is null)
        {
            erreurs.Add(("AvisQuestion", "Posez la question à l'expert."));
        }
        else if (Texts.TropLong(question, LongueurQuestion, "La question") is { } tropLong)
        {
            erreurs.Add(("AvisQuestion", tropLong));
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        if (await db.Set<AvisExpert>().CountAsync(a => a.DossierId == dossierId && a.ReponduLe == null && a.RevoqueLe == null, ct) >= EnAttenteMax)
        {
            return Result.Failure("AvisEmail", $"{EnAttenteMax} avis attendent déjà une réponse sur ce dossier : relancez ou révoquez-en avant d'en demander un autre.");
        }
        var avis = new AvisExpert
        {
            DossierId = dossierId, Email = Normaliser(email!), Question = question!, Confidentiel = confidentiel, DemandeParId = OrganisationsService.Id(qui)!,
            DemandePar = PorteeUtilisateur.NomDe(qui), DemandeLe = time.GetUtcNow(), Jeton = jeton,
        };
        db.Add(avis);
        if (!await EchangesService.UneFoisAsync(db, ct))
        {
            // The same request sent twice: asked, and e-mailed, once.
            return Result.Success(0);
        }
        Inviter(avis, dossier, lienBase, rappel: false);
        return Result.Success(avis.Id);
    }

    private void Inviter(AvisExpert avis, Dossier dossier, string lienBase, bool rappel) =>
        envois.Enqueue(new EmailMessage(avis.Email, rappel ? "Rappel : un avis vous est demandé – fonds d'initiative" : "Un avis vous est demandé – fonds d'initiative",
            $"Bonjour,\n\n{avis.DemandePar}, qui instruit le dossier « {dossier.Intitule} » du fonds d'initiative, vous demande votre avis :\n\n{avis.Question}\n\n"
            + $"Le dossier et le formulaire de réponse : {lienBase}/fonds/avis/{avis.Id}\n"
            + $"Connectez-vous avec un compte de l'adresse {avis.Email}. Si vous n'en avez pas, créez-le depuis la page de connexion (« créer un compte » : il sert aussi aux experts), avec cette adresse.\n\nEgalis"));

    /// <summary>Reminds the expert (a new e-mail), or revokes the request: only while it waits for an answer.</summary>
    public async Task<Result> RelancerOuRevoquerAsync(int dossierId, int avisId, bool revoquer, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await InstruitAsync(dossierId, qui, ct) is not { } dossier
            || await db.Set<AvisExpert>().SingleOrDefaultAsync(a => a.Id == avisId && a.DossierId == dossierId, ct) is not { } avis)
        {
            return Result.Failure("", "Cet avis n'existe pas.");
        }
        if (!Lisible(avis, OrganisationsService.Id(qui), await EquipeAsync(qui)))
        {
            return Result.Failure("", "Cet avis confidentiel se relance ou se révoque par la personne qui l'a demandé ou par l'équipe du fonds.");
        }
        if (avis.ReponduLe is not null || avis.RevoqueLe is not null)
        {
            return Result.Failure("", avis.ReponduLe is not null ? "L'expert a déjà répondu." : "Cette demande d'avis est déjà révoquée.");
        }
        if (revoquer)
        {
            avis.RevoqueLe = time.GetUtcNow();
        }
        else
        {
            avis.RappeleLe = time.GetUtcNow();
        }
        avis.Version++;
        if (await db.SaveAsync(() => Task.FromResult("une réponse"), ct) is not null)
        {
            return Result.Failure("", "L'avis vient de changer (réponse ou révocation) : rechargez la page.");
        }
        if (!revoquer)
        {
            Inviter(avis, dossier, lienBase, rappel: true);
        }
        return Result.Success(avisId);
    }

    /// <summary>The opinion asked of this person (by their account's address), while it is not revoked.</summary>
    public async Task<(AvisExpert Avis, Dossier Dossier)?> PourLExpertAsync(int avisId, ClaimsPrincipal qui, CancellationToken ct)
    {
        var id = OrganisationsService.Id(qui);
        var email = await db.Users.Where(u => u.Id == id && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null || await db.Set<AvisExpert>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == avisId && a.RevoqueLe == null, ct) is not { } avis
            || avis.Email != Normaliser(email))
        {
            return null;
        }
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Budget).SingleAsync(d => d.Id == avis.DossierId, ct);
        return (avis, dossier);
    }

    /// <summary>The expert answers, once; whoever asked is told by e-mail.</summary>
    public async Task<Result> RepondreAsync(int avisId, int version, string? reponse, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await PourLExpertAsync(avisId, qui, ct) is not { } trouve)
        {
            return Result.Failure("", "Cette demande d'avis n'existe pas ou a été révoquée.");
        }
        if (trouve.Avis.ReponduLe is not null)
        {
            return Result.Failure("", $"Vous avez déjà répondu, le {Platform.Web.Paris.Display(trouve.Avis.ReponduLe.Value)}.");
        }
        reponse = Texts.Clean(reponse);
        if (reponse is null)
        {
            return Result.Failure("Reponse", "Écrivez votre avis.");
        }
        if (Texts.TropLong(reponse, LongueurReponse, "L'avis") is { } tropLong)
        {
            return Result.Failure("Reponse", tropLong);
        }
        var avis = await db.Set<AvisExpert>().SingleAsync(a => a.Id == avisId, ct);
        if (avis.Version != version)
        {
            return Result.Failure("", "La demande vient de changer (révoquée ou déjà répondue) : rechargez la page.");
        }
        avis.Reponse = reponse;
        avis.ReponduLe = time.GetUtcNow();
        avis.ReponduPar = PorteeUtilisateur.NomDe(qui);
        avis.Version++;
        if (await db.SaveAsync(() => Task.FromResult("une révocation"), ct) is not null)
        {
            return Result.Failure("", "La demande vient de changer (révoquée ou déjà répondue) : rechargez la page.");
        }
        if (await db.Users.Where(u => u.Id == avis.DemandeParId && u.Email != null && u.DesactiveLe == null).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } adresse)
        {
            envois.Enqueue(new EmailMessage(adresse, "Avis d'expert rendu – fonds d'initiative",
                $"Bonjour,\n\n{avis.ReponduPar} a rendu l'avis que vous avez demandé sur le dossier « {trouve.Dossier.Intitule} ».\n\nLe dossier : {lienBase}/fonds/instruction/dossier/{avis.DossierId}#avis\n\nEgalis"));
        }
        return Result.Success(avisId);
    }
}

/// <summary>« Mon espace » of an expert: the opinions asked of them and not yet given.</summary>
public sealed class AvisEspace(EgalisDbContext db) : IEspaceContribution
{
    public async Task<BlocEspace?> LoadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = OrganisationsService.Id(user);
        var email = await db.Users.Where(u => u.Id == id && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return null;
        }
        var normalise = AvisService.Normaliser(email);
        var demandes = await (from a in db.Set<AvisExpert>().AsNoTracking()
                              join d in db.Set<Dossier>() on a.DossierId equals d.Id
                              where a.Email == normalise && a.RevoqueLe == null && a.ReponduLe == null
                              orderby a.DemandeLe
                              select new { a.Id, d.Intitule, a.DemandePar }).Take(5).ToListAsync(ct);
        return demandes.Count == 0 ? null
            : new BlocEspace("Avis demandés sur le fonds d'initiative", demandes.Select(a => new LigneEspace(a.Intitule ?? "Dossier", $"/fonds/avis/{a.Id}", $"demandé par {a.DemandePar}")).ToList(), demandes.Count);
    }
}
