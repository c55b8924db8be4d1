using System.Globalization;
using System.Security.Claims;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Scoring and the selection committee. The committee's decisions are applied in one transaction with the Budget
/// commitments they make: all of them or none, and the envelope (the call's allocation) is never over-granted, even by
/// two committees deciding at the same moment (the allocation's version serialises them).
/// </summary>
public sealed class ComiteService(EgalisDbContext db, Workflows workflows, BudgetService budget, IAuthorizationService autorisation,
    TimeProvider time, Platform.Collectivite.ProfilCollectivite profil)
{
    /// <summary>The committee's steps: only it accepts; it may refuse too.</summary>
    public static readonly Workflow<EtatDossier> Decision = new(DossiersService.TypeHistorique, FondsModule.GererLeFonds, "Un dossier", DossiersService.Libelle,
        new(EtatDossier.EnInstruction, EtatDossier.Accepte, "Accorder"),
        new(EtatDossier.EnInstruction, EtatDossier.Refuse, "Refuser", ReasonPrompt: "Indiquez le motif du refus : il est envoyé au porteur."));

    public sealed record Ligne(Dossier Dossier, string Organisation, Notes.Synthese Synthese, bool Pret);

    public async Task<List<Notes.Critere>> GrilleAsync(int appelId, CancellationToken ct) =>
        (await db.Set<CritereNotation>().AsNoTracking().Where(c => c.AppelId == appelId).OrderBy(c => c.Rang).ToListAsync(ct))
        .Select(c => new Notes.Critere(c.Id, c.Poids, c.Echelle)).ToList();

    public async Task<Notes.Synthese> SyntheseAsync(Dossier dossier, CancellationToken ct)
    {
        var grille = await GrilleAsync(dossier.AppelId, ct);
        var notations = await db.Set<Notation>().AsNoTracking().Where(n => n.DossierId == dossier.Id)
            .Select(n => new { n.InstructeurNom, n.CritereId, n.Note }).ToListAsync(ct);
        return Notes.Synthetiser(grille, notations.Select(n => (n.InstructeurNom, n.CritereId, n.Note)));
    }

    /// <summary>The scores this instructor gave, by criterion.</summary>
    public async Task<Dictionary<int, int>> MesNotesAsync(int dossierId, ClaimsPrincipal qui, CancellationToken ct)
    {
        var id = OrganisationsService.Id(qui);
        return await db.Set<Notation>().AsNoTracking().Where(n => n.DossierId == dossierId && n.InstructeurId == id).ToDictionaryAsync(n => n.CritereId, n => n.Note, ct);
    }

    /// <summary>An instructor scores a dossier in instruction, every criterion from 0 to its highest score; a score may be changed until the decision.</summary>
    public async Task<Result> NoterAsync(int dossierId, IReadOnlyDictionary<int, int?> notes, ClaimsPrincipal qui, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is null || !(await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.InstruireLesDossiers))).Succeeded)
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        if (dossier.Etat != EtatDossier.EnInstruction)
        {
            return Result.Failure("", $"Le dossier est {DossiersService.Libelle(dossier.Etat)} : il se note pendant son instruction.");
        }
        var grille = await db.Set<CritereNotation>().AsNoTracking().Where(c => c.AppelId == dossier.AppelId).OrderBy(c => c.Rang).ToListAsync(ct);
        var erreurs = new List<(string, string)>();
        foreach (var c in grille)
        {
            if (!notes.TryGetValue(c.Id, out var note) || note is null)
            {
                erreurs.Add(($"Notes[{c.Id}]", $"Notez le critère « {c.Libelle} »."));
            }
            else if (note < 0 || note > c.Echelle)
            {
                erreurs.Add(($"Notes[{c.Id}]", $"La note du critère « {c.Libelle} » va de 0 à {c.Echelle}."));
            }
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        var id = OrganisationsService.Id(qui)!;
        var existantes = await db.Set<Notation>().Where(n => n.DossierId == dossierId && n.InstructeurId == id).ToListAsync(ct);
        foreach (var c in grille)
        {
            var notation = existantes.SingleOrDefault(n => n.CritereId == c.Id);
            if (notation is null)
            {
                notation = new Notation { DossierId = dossierId, CritereId = c.Id, InstructeurId = id, InstructeurNom = PorteeUtilisateur.NomDe(qui) };
                db.Add(notation);
            }
            notation.Note = notes[c.Id]!.Value;
            notation.ModifieLe = time.GetUtcNow();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form sent twice at once: the first one's scores are kept.
            db.ChangeTracker.Clear();
            return Result.Failure("", "Vos notes viennent d'être enregistrées depuis une autre page : rechargez pour les voir.");
        }
        return Result.Success(dossierId);
    }

    public async Task<Result> CreerComiteAsync(int appelId, DateOnly? date, CancellationToken ct)
    {
        if (date is null)
        {
            return Result.Failure("Date", "Indiquez la date du comité.");
        }
        if (Years.CheckDate(date, "La date du comité") is { } horsBornes)
        {
            return Result.Failure("Date", horsBornes);
        }
        var appel = await db.Set<AppelAProjets>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == appelId && a.PublieLe != null, ct);
        if (appel is null)
        {
            return Result.Failure("", "Un comité se tient sur un appel publié.");
        }
        if (appel.AllocationId is { } allocation
            && await db.Set<Allocation>().Where(a => a.Id == allocation).Select(a => a.Credit!.Annee).SingleAsync(ct) is var annee && annee != date.Value.Year)
        {
            return Result.Failure("Date", $"L'enveloppe de l'appel est prise sur les crédits {annee} : le comité, qui engage les montants à sa date, se tient en {annee}.");
        }
        var comite = new Comite { AppelId = appelId, Date = date.Value, Statut = StatutComite.Preparation };
        db.Add(comite);
        await db.SaveChangesAsync(ct);
        return Result.Success(comite.Id);
    }

    /// <summary>The call's dossiers in instruction, with their marks; those ready first, best mark first.</summary>
    public async Task<List<Ligne>> DossiersAsync(int appelId, CancellationToken ct)
    {
        var appel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == appelId, ct);
        var grille = await GrilleAsync(appelId, ct);
        var dossiers = await db.Set<Dossier>().AsNoTracking().Where(d => d.AppelId == appelId && d.Etat == EtatDossier.EnInstruction)
            .Join(db.Set<Organisation>(), d => d.OrganisationId, o => o.Id, (d, o) => new { d, o.Nom }).ToListAsync(ct);
        var ids = dossiers.Select(x => x.d.Id).ToList();
        var notations = (await db.Set<Notation>().AsNoTracking().Where(n => ids.Contains(n.DossierId))
                .Select(n => new { n.DossierId, n.InstructeurNom, n.CritereId, n.Note }).ToListAsync(ct))
            .ToLookup(n => n.DossierId);
        return dossiers.Select(x =>
            {
                var synthese = Notes.Synthetiser(grille, notations[x.d.Id].Select(n => (n.InstructeurNom, n.CritereId, n.Note)));
                return new Ligne(x.d, x.Nom, synthese, Notes.Pret(x.d.Etat, synthese, appel.NotesRequises));
            })
            .OrderByDescending(l => l.Pret).ThenByDescending(l => l.Synthese.Moyenne).ThenBy(l => l.Dossier.Id).ToList();
    }

    public sealed record Choix(int DossierId, bool? Accorder, decimal? Montant, string? Motif);

    /// <summary>
    /// Applies the committee's decisions: each dossier ready is granted (an amount up to what it asked, committed on the
    /// call's envelope at the committee's date) or refused (with a reason); dossiers left without a choice wait for
    /// another committee. All in one transaction: a refusal anywhere (not ready any more, envelope exhausted, a
    /// concurrent change) applies nothing.
    /// </summary>
    public async Task<Result> AppliquerAsync(int comiteId, int version, IReadOnlyList<Choix> choix, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        var decisions = choix.Where(c => c.Accorder is not null).ToList();
        if (decisions.Count == 0)
        {
            return Result.Failure("", "Choisissez au moins une décision : accorder ou refuser.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var comite = await db.Set<Comite>().SingleOrDefaultAsync(c => c.Id == comiteId, ct);
        if (comite is null)
        {
            return Result.Failure("", "Ce comité n'existe pas.");
        }
        if (comite.Statut == StatutComite.Tenu || comite.Version != version)
        {
            return Result.Failure("", "Ce comité a déjà statué : ses décisions sont ci-dessous.");
        }
        var appel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == comite.AppelId, ct);
        var lignes = (await DossiersAsync(appel.Id, ct)).ToDictionary(l => l.Dossier.Id);
        var erreurs = new List<(string, string)>();
        var accordes = new List<(Dossier Dossier, decimal Montant)>();
        for (var i = 0; i < choix.Count; i++)
        {
            var c = choix[i];
            if (c.Accorder is null)
            {
                continue;
            }
            if (!lignes.TryGetValue(c.DossierId, out var ligne) || !ligne.Pret)
            {
                erreurs.Add(($"Decisions[{i}].Accorder", "Ce dossier n'est plus prêt pour le comité (il a changé d'état ou de notes) : rechargez la page."));
                continue;
            }
            if (c.Accorder == true)
            {
                if (c.Montant is not > 0)
                {
                    erreurs.Add(($"Decisions[{i}].Montant", $"Indiquez le montant accordé à « {ligne.Dossier.Intitule} »."));
                }
                else if (c.Montant > ligne.Dossier.MontantDemande)
                {
                    erreurs.Add(($"Decisions[{i}].Montant", $"Le montant accordé à « {ligne.Dossier.Intitule} » dépasse le montant demandé ({Euros.Format(ligne.Dossier.MontantDemande ?? 0)})."));
                }
            }
            else if (Texts.Clean(c.Motif) is null)
            {
                erreurs.Add(($"Decisions[{i}].Motif", $"Indiquez le motif du refus de « {ligne.Dossier.Intitule} » : il est envoyé au porteur."));
            }
        }
        if (appel.AllocationId is null)
        {
            erreurs.Add(("", "L'appel n'a pas d'enveloppe : rien ne peut être engagé."));
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }

        var nom = PorteeUtilisateur.NomDe(qui);
        foreach (var c in decisions)
        {
            var dossier = await db.Set<Dossier>().SingleAsync(d => d.Id == c.DossierId, ct);
            var vers = c.Accorder == true ? EtatDossier.Accepte : EtatDossier.Refuse;
            var motif = c.Accorder == true ? $"Comité du {comite.Date:dd/MM/yyyy} : {Euros.Format(c.Montant!.Value)} accordés." : Texts.Clean(c.Motif);
            var etape = await workflows.StepAsync(Decision, qui, dossier, DossiersService.Cle(dossier.Id), dossier.Etat, vers, () => Result.Success(), motif: motif);
            if (!etape.Ok)
            {
                return etape;
            }
            int? engagement = null;
            var beneficiaire = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == dossier.OrganisationId).Select(o => new { o.Nom, o.Siret, o.Rna }).SingleAsync(ct);
            if (c.Accorder == true)
            {
                var organisation = beneficiaire.Nom;
                // Joins this transaction: the commitment is saved with the decisions, or nothing is.
                var engage = await budget.EngagerAsync(appel.AllocationId!.Value, c.Montant!.Value, organisation,
                    $"Fonds d'initiative – {dossier.Intitule}", comite.Date, reference: $"Dossier n° {dossier.Id}", origine: $"fonds-dossier:{dossier.Id}", ct: ct);
                if (!engage.Ok)
                {
                    return Result.Failure("", $"Rien n'est appliqué. Pour « {dossier.Intitule} » : {engage.Error}");
                }
                engagement = engage.Id;
                accordes.Add((dossier, c.Montant.Value));
            }
            dossier.Etat = vers;
            dossier.Version++;
            db.Add(new DecisionComite
            {
                ComiteId = comite.Id, DossierId = dossier.Id, Accorde = c.Accorder == true, Montant = c.Montant, Motif = Texts.Clean(c.Motif), EngagementId = engagement,
                NomBeneficiaire = beneficiaire.Nom, SiretBeneficiaire = beneficiaire.Siret, RnaBeneficiaire = beneficiaire.Rna, Objet = dossier.Intitule,
            });
        }
        comite.Statut = StatutComite.Tenu;
        comite.TenuLe = time.GetUtcNow();
        comite.TenuPar = nom;
        comite.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e) || DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("", "Le comité ou l'enveloppe vient d'être modifié par quelqu'un d'autre au même moment : rien n'a été appliqué, rechargez la page et recommencez.");
        }
        foreach (var c in decisions)
        {
            var texte = c.Accorder == true
                ? $"Le comité du {comite.Date:dd/MM/yyyy} accorde {Euros.Format(c.Montant!.Value)} au dossier. La convention et le calendrier de versement suivront."
                : $"Le comité du {comite.Date:dd/MM/yyyy} ne retient pas le dossier. Motif :\n\n{Texts.Clean(c.Motif)}";
            await NotifierAsync(c.DossierId, c.Accorder == true ? "Subvention accordée" : "Dossier refusé", texte, lienBase, ct);
        }
        return Result.Success(comite.Id);
    }

    private async Task NotifierAsync(int dossierId, string sujet, string texte, string lienBase, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Id == dossierId, ct);
        await DossiersService.NotifierMembresAsync(db, workflows, profil, dossier, (sujet, $"Dossier « {dossier.Intitule} ».\n{texte}"), lienBase, ct);
    }
}
