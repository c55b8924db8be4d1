using Egalis.Web.Platform.Text;
using Egalis.Web.Features.Plan;
using Egalis.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Egalis.Web.Features.Budget;

/// <summary>
/// Every movement of money goes through here, for the team's pages and for other modules
/// (the fund commits and pays through <see cref="EngagerAsync"/> and <see cref="MandaterAsync"/>).
/// Invariants, held in the database transaction even under concurrent requests:
/// allocated ≤ credit, committed ≤ allocated, paid ≤ committed. Each movement re-sums inside its
/// transaction and bumps the parent's concurrency token, so a concurrent movement that read the
/// same state fails its update and is retried with fresh sums. Every movement is audited.
/// A caller without a transaction must hold no unsaved change: each movement starts from a clean change tracker.
/// </summary>
public sealed class BudgetService(EgalisDbContext db, TimeProvider time)
{
    private const int Essais = 100;

    /// <summary>
    /// Opens a budget line (sous-politique, nature, fonction of the budget's nomenclature), for a collectivité whose
    /// founding deliberation did not name one, or a new line a later deliberation opens.
    /// </summary>
    public async Task<Result> CreerLigneAsync(string? sousPolitique, string? nature, string? fonction, string? libelle, CancellationToken ct = default)
    {
        var erreurs = new List<(string, string)>();
        string? Code(string? valeur, string champ, string nom)
        {
            var code = Texts.Clean(valeur)?.ToUpperInvariant();
            if (code is null || code.Length > 10 || !code.All(char.IsAsciiLetterOrDigit))
            {
                erreurs.Add((champ, $"Indiquez {nom} : 1 à 10 lettres ou chiffres, par exemple {(champ == "SousPolitique" ? "D110" : champ == "Nature" ? "65748" : "552")}."));
            }
            return code;
        }
        var (sp, na, fo) = (Code(sousPolitique, "SousPolitique", "la sous-politique"), Code(nature, "Nature", "la nature"), Code(fonction, "Fonction", "la fonction"));
        var texte = Texts.Clean(libelle);
        if (texte is null || texte.Length > 200)
        {
            erreurs.Add(("Libelle", "Indiquez le libellé de la ligne (200 caractères au plus)."));
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        if (await db.Set<LigneBudgetaire>().AnyAsync(l => l.SousPolitique == sp && l.Nature == na && l.Fonction == fo, ct))
        {
            return Result.Failure("SousPolitique", $"La ligne {sp} / {na} / {fo} existe déjà.");
        }
        var ligne = new LigneBudgetaire { SousPolitique = sp!, Nature = na!, Fonction = fo!, Libelle = texte! };
        db.Add(ligne);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("SousPolitique", $"La ligne {sp} / {na} / {fo} vient d'être créée par quelqu'un d'autre.");
        }
        return Result.Success(ligne.Id);
    }

    /// <summary>Sets the credit of a budget line for a year (creating the year if needed).</summary>
    public Task<Result> DefinirCreditAsync(int annee, int ligneId, decimal montant, CancellationToken ct = default) =>
        AvecReessaisAsync(async () =>
        {
            if (!Years.IsValid(annee))
            {
                return Result.Failure("Annee", Years.Message);
            }
            if (Euros.Verifier(montant, zeroAccepte: true) is { } invalide)
            {
                return Result.Failure("Montant", invalide);
            }
            if (!await db.Set<LigneBudgetaire>().AnyAsync(l => l.Id == ligneId, ct))
            {
                return Result.Failure("", "Cette ligne budgétaire n'existe pas.");
            }
            if (!await db.Set<Exercice>().AnyAsync(e => e.Annee == annee, ct))
            {
                db.Add(new Exercice { Annee = annee });
            }
            var credit = await db.Set<Credit>().SingleOrDefaultAsync(c => c.Annee == annee && c.LigneBudgetaireId == ligneId, ct);
            if (credit is null)
            {
                credit = new Credit { Annee = annee, LigneBudgetaireId = ligneId };
                db.Add(credit);
            }
            else
            {
                var alloue = await SommeAsync(db.Set<Allocation>().Where(a => a.CreditId == credit.Id).Select(a => a.Montant), ct);
                if (montant < alloue)
                {
                    return Result.Failure("Montant", $"Les crédits ne peuvent pas descendre sous ce qui est déjà alloué aux actions ({Euros.Format(alloue)}).");
                }
                credit.Version++;
            }
            credit.Montant = montant;
            await db.SaveChangesAsync(ct);
            return Result.Success(credit.Id);
        }, ct);

    /// <summary>Sets the amount a plan action receives from a credit.</summary>
    public Task<Result> AllouerAsync(int creditId, string actionCode, decimal montant, CancellationToken ct = default) =>
        AvecReessaisAsync(async () =>
        {
            if (Euros.Verifier(montant, zeroAccepte: true) is { } invalide)
            {
                return Result.Failure("Montant", invalide);
            }
            var credit = await db.Set<Credit>().SingleOrDefaultAsync(c => c.Id == creditId, ct);
            if (credit is null)
            {
                return Result.Failure("", "Ces crédits n'existent pas.");
            }
            if (!await db.Set<ElementPlan>().AnyAsync(e => e.PlanCode == PlanService.PlanPrincipal && e.Code == actionCode, ct))
            {
                return Result.Failure("ActionCode", $"L'action {actionCode} n'existe pas dans le plan.");
            }
            var allocation = await db.Set<Allocation>().SingleOrDefaultAsync(a => a.CreditId == creditId && a.ActionCode == actionCode, ct);
            var autres = await SommeAsync(db.Set<Allocation>().Where(a => a.CreditId == creditId && a.ActionCode != actionCode).Select(a => a.Montant), ct);
            var disponible = credit.Montant - autres;
            if (montant > disponible)
            {
                return Result.Failure("Montant", $"Montant refusé : il reste {Euros.Format(disponible)} à allouer sur les crédits {credit.Annee} ({Euros.Format(credit.Montant)} votés, {Euros.Format(autres)} déjà alloués aux autres actions).");
            }
            if (allocation is null)
            {
                allocation = new Allocation { CreditId = creditId, ActionCode = actionCode };
                db.Add(allocation);
            }
            else
            {
                var engage = await EngageAsync(allocation.Id, ct);
                if (montant < engage)
                {
                    return Result.Failure("Montant", $"L'allocation ne peut pas descendre sous ce qui est déjà engagé ({Euros.Format(engage)}).");
                }
                allocation.Version++;
            }
            allocation.Montant = montant;
            credit.Version++;
            await db.SaveChangesAsync(ct);
            return Result.Success(allocation.Id);
        }, ct);

    /// <summary>Commits money from an allocation to a beneficiary.</summary>
    public Task<Result> EngagerAsync(int allocationId, decimal montant, string beneficiaire, string objet, DateOnly date,
        string? reference = null, string? origine = null, CancellationToken ct = default) =>
        AvecReessaisAsync(async () =>
        {
            if (Euros.Verifier(montant, zeroAccepte: false) is { } invalide)
            {
                return Result.Failure("Montant", invalide);
            }
            var allocation = await db.Set<Allocation>().SingleOrDefaultAsync(a => a.Id == allocationId, ct);
            if (allocation is null)
            {
                return Result.Failure("", "Cette allocation n'existe pas.");
            }
            var annee = await db.Set<Credit>().Where(c => c.Id == allocation.CreditId).Select(c => c.Annee).SingleAsync(ct);
            if (date.Year != annee)
            {
                return Result.Failure("Date", $"Un engagement sur les crédits {annee} est daté de l'exercice {annee} (du 01/01/{annee} au 31/12/{annee}).");
            }
            var engage = await EngageAsync(allocationId, ct);
            var disponible = allocation.Montant - engage;
            if (montant > disponible)
            {
                return Result.Failure("Montant", $"Montant refusé : il reste {Euros.Format(disponible)} disponibles sur l'allocation de l'action {allocation.ActionCode} ({Euros.Format(allocation.Montant)} alloués, {Euros.Format(engage)} déjà engagés).");
            }
            var engagement = new Engagement
            {
                AllocationId = allocationId, Montant = montant, Beneficiaire = beneficiaire.Trim(), Objet = objet.Trim(), Date = date,
                Reference = Texts.Clean(reference), Origine = origine, Statut = StatutEngagement.Engage,
            };
            db.Add(engagement);
            allocation.Version++;
            await db.SaveChangesAsync(ct);
            return Result.Success(engagement.Id);
        }, ct);

    /// <summary>Cancels a commitment that nothing was paid on; its amount is available again.</summary>
    public Task<Result> AnnulerEngagementAsync(int engagementId, string motif, CancellationToken ct = default) =>
        AvecReessaisAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(motif))
            {
                return Result.Failure("Motif", "Indiquez le motif de l'annulation.");
            }
            var engagement = await db.Set<Engagement>().Include(e => e.Allocation).SingleOrDefaultAsync(e => e.Id == engagementId, ct);
            if (engagement is null)
            {
                return Result.Failure("", "Cet engagement n'existe pas.");
            }
            if (engagement.Statut == StatutEngagement.Annule)
            {
                return Result.Failure("", "Cet engagement est déjà annulé.");
            }
            var mandate = await MandateAsync(engagementId, ct);
            if (mandate > 0)
            {
                return Result.Failure("", $"Cet engagement ne peut pas être annulé : {Euros.Format(mandate)} ont déjà été mandatés.");
            }
            engagement.Statut = StatutEngagement.Annule;
            engagement.MotifAnnulation = motif.Trim();
            engagement.Version++;
            engagement.Allocation!.Version++;
            await db.SaveChangesAsync(ct);
            return Result.Success(engagement.Id);
        }, ct);

    /// <summary>Records a payment against a commitment.</summary>
    public Task<Result> MandaterAsync(int engagementId, decimal montant, DateOnly date, string? reference = null, CancellationToken ct = default) =>
        AvecReessaisAsync(async () =>
        {
            if (Euros.Verifier(montant, zeroAccepte: false) is { } invalide)
            {
                return Result.Failure("Montant", invalide);
            }
            var engagement = await db.Set<Engagement>().SingleOrDefaultAsync(e => e.Id == engagementId, ct);
            if (engagement is null)
            {
                return Result.Failure("", "Cet engagement n'existe pas.");
            }
            if (engagement.Statut == StatutEngagement.Annule)
            {
                return Result.Failure("", "Cet engagement est annulé : il ne peut plus être mandaté.");
            }
            if (date < engagement.Date)
            {
                return Result.Failure("Date", $"Un mandatement ne peut pas précéder l'engagement du {engagement.Date:dd/MM/yyyy}.");
            }
            var mandate = await MandateAsync(engagementId, ct);
            var reste = engagement.Montant - mandate;
            if (montant > reste)
            {
                return Result.Failure("Montant", $"Montant refusé : il reste {Euros.Format(reste)} à mandater sur cet engagement ({Euros.Format(engagement.Montant)} engagés, {Euros.Format(mandate)} déjà mandatés).");
            }
            var mandat = new Mandatement { EngagementId = engagementId, Montant = montant, Date = date, Reference = Texts.Clean(reference) };
            db.Add(mandat);
            engagement.Version++;
            await db.SaveChangesAsync(ct);
            return Result.Success(mandat.Id);
        }, ct);

    public DateOnly Today => Platform.Web.Paris.Today(time);

    private Task<decimal> EngageAsync(int allocationId, CancellationToken ct) =>
        SommeAsync(db.Set<Engagement>().Where(e => e.AllocationId == allocationId && e.Statut == StatutEngagement.Engage).Select(e => e.Montant), ct);

    private Task<decimal> MandateAsync(int engagementId, CancellationToken ct) =>
        SommeAsync(db.Set<Mandatement>().Where(m => m.EngagementId == engagementId).Select(m => m.Montant), ct);

    private static async Task<decimal> SommeAsync(IQueryable<decimal> montants, CancellationToken ct) =>
        await montants.SumAsync(ct);

    /// <summary>
    /// Runs a movement in its own transaction; a conflict with a concurrent movement (concurrency
    /// token, SQLite busy, PostgreSQL serialization or deadlock) rolls back and runs it again.
    /// Inside a caller's transaction (another module's step, « dossier accepted + money committed »), the movement
    /// joins it: saved with the caller's changes, committed or rolled back with them; a conflict is then a refusal,
    /// which the caller answers by rolling back its whole step.
    /// </summary>
    private async Task<Result> AvecReessaisAsync(Func<Task<Result>> mouvement, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // What the caller tracks stays; what a refused movement loaded or added is forgotten, so that the caller's
            // next save (after its rollback) does not send it again.
            var avant = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
            try
            {
                var resultat = await mouvement();
                if (!resultat.Ok)
                {
                    Oublier(avant);
                }
                return resultat;
            }
            catch (Exception e) when (EstConflit(e))
            {
                Oublier(avant);
                return Result.Failure("", "Le budget vient d'être modifié par quelqu'un d'autre au même moment : rien n'a été enregistré, recommencez.");
            }
        }
        for (var essai = 1; ; essai++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var resultat = await mouvement();
                if (resultat.Ok)
                {
                    await transaction.CommitAsync(ct);
                }
                else
                {
                    await transaction.RollbackAsync(ct);
                }
                return resultat;
            }
            catch (Exception e) when (essai < Essais && EstConflit(e))
            {
                await transaction.RollbackAsync(ct);
                await Task.Delay(Random.Shared.Next(1, 10 + essai * 2), ct);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private void Oublier(HashSet<object> avant)
    {
        foreach (var entree in db.ChangeTracker.Entries().Where(e => !avant.Contains(e.Entity)).ToList())
        {
            entree.State = EntityState.Detached;
        }
    }

    private static bool EstConflit(Exception e) => DatabaseErrors.IsConflict(e);
}
