using System.Security.Claims;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>The calls for projects: written as drafts, published, closed or withdrawn, each step in the call's history.</summary>
public sealed class AppelsService(EgalisDbContext db, Workflows workflows, TimeProvider time)
{
    public const int LongueurTitre = 200;
    public const int LongueurReglement = 20_000;
    public const int CriteresMaximum = 12;

    /// <summary>The plan's action the fund is (its envelopes are allocations of it).</summary>
    public const string ActionDuFonds = "2.5";

    public static readonly Workflow<StatutAppel> Workflow = new("fonds-appel", FondsModule.GererLeFonds, "Un appel à projets", Libelle,
        new(StatutAppel.Brouillon, StatutAppel.Publie, "Publier"),
        new(StatutAppel.Publie, StatutAppel.Clos, "Clore"),
        new(StatutAppel.Publie, StatutAppel.Depublie, "Dépublier", ReasonPrompt: "Indiquez pourquoi l'appel est retiré : les porteurs le liront."),
        new(StatutAppel.Clos, StatutAppel.Publie, "Publier de nouveau"),
        new(StatutAppel.Depublie, StatutAppel.Publie, "Publier de nouveau"));

    public static string Libelle(StatutAppel statut) => statut switch
    {
        StatutAppel.Brouillon => "brouillon",
        StatutAppel.Publie => "publié",
        StatutAppel.Clos => "clos",
        StatutAppel.Depublie => "dépublié",
        _ => statut.ToString(),
    };

    public sealed record Critere(string? Libelle, int? Poids, int? Echelle);

    /// <summary>A call as its form gives it: Paris dates and times, amounts in euros.</summary>
    public sealed record Saisie(
        int Annee, string? Titre, string? Reglement,
        DateOnly? OuvertureJour, TimeOnly? OuvertureHeure, DateOnly? ClotureJour, TimeOnly? ClotureHeure,
        int? AllocationId, bool OuvertAuxAssociations, bool OuvertAuxCommunes, IReadOnlyList<string> Territoires,
        bool PrioriteSansPlanLocal, decimal? MontantMaximum, int? PartMaximale, int NotesRequises, IReadOnlyList<Critere> Criteres);

    public Task<Result> CreerAsync(Saisie saisie, CancellationToken ct) => EnregistrerAsync(null, null, saisie, ct);

    public Task<Result> ModifierAsync(int id, int version, Saisie saisie, CancellationToken ct) => EnregistrerAsync(id, version, saisie, ct);

    private async Task<Result> EnregistrerAsync(int? id, int? version, Saisie saisie, CancellationToken ct)
    {
        AppelAProjets? appel = null;
        if (id is not null)
        {
            appel = await db.Set<AppelAProjets>().Include(a => a.Criteres).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (appel is null)
            {
                return Result.Failure("", "Cet appel à projets n'existe pas.");
            }
        }
        var fige = appel?.PublieLe is not null;
        var erreurs = new List<(string, string)>();
        var titre = Texts.Clean(saisie.Titre);
        if (titre is null)
        {
            erreurs.Add(("Titre", "Indiquez le titre de l'appel."));
        }
        // Once published, the opening is history: the form no longer offers it.
        var ouverture = fige ? appel!.Ouverture : Instant(saisie.OuvertureJour, saisie.OuvertureHeure, "Ouverture", "d'ouverture", erreurs);
        var cloture = Instant(saisie.ClotureJour, saisie.ClotureHeure, "Cloture", "de clôture", erreurs);
        if (ouverture is not null && cloture is not null && cloture <= ouverture)
        {
            erreurs.Add(("ClotureJour", "La clôture vient après l'ouverture."));
        }
        if (!fige)
        {
            await VerifierReglesAsync(saisie, erreurs, ct);
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }

        if (appel is null)
        {
            appel = new AppelAProjets { Titre = titre!, Statut = StatutAppel.Brouillon };
            db.Add(appel);
        }
        else
        {
            db.Entry(appel).Property(a => a.Version).OriginalValue = version!.Value;
            appel.Version = version.Value + 1;
        }
        appel.Titre = titre!;
        appel.Reglement = Texts.Clean(saisie.Reglement);
        appel.Cloture = cloture!.Value;
        if (!fige)
        {
            appel.Annee = saisie.Annee;
            appel.Ouverture = ouverture!.Value;
            appel.AllocationId = saisie.AllocationId;
            appel.OuvertAuxAssociations = saisie.OuvertAuxAssociations;
            appel.OuvertAuxCommunes = saisie.OuvertAuxCommunes;
            appel.Territoires = saisie.Territoires.Distinct().Order(StringComparer.Ordinal).ToList();
            appel.PrioriteSansPlanLocal = saisie.PrioriteSansPlanLocal;
            appel.MontantMaximum = saisie.MontantMaximum;
            appel.PartMaximale = saisie.PartMaximale;
            appel.NotesRequises = saisie.NotesRequises;
            // The grid is rewritten as the form shows it (a call's grid is a handful of lines).
            db.RemoveRange(appel.Criteres);
            appel.Criteres = saisie.Criteres.Where(c => Texts.Clean(c.Libelle) is not null)
                .Select((c, rang) => new CritereNotation { Rang = rang + 1, Libelle = Texts.Clean(c.Libelle)!, Poids = c.Poids!.Value, Echelle = c.Echelle!.Value })
                .ToList();
        }
        try
        {
            var conflit = await db.SaveAsync(async () =>
            {
                var actuel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == id, ct);
                return $"titre « {actuel.Titre} », statut « {Libelle(actuel.Statut)} »";
            }, ct);
            return conflit is null
                ? Result.Success(appel.Id)
                : Result.Failure("", $"{Concurrency.Message} Enregistré entre-temps : {conflit}.");
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("Titre", $"Un appel à projets {(fige ? appel!.Annee : saisie.Annee)} porte déjà ce titre.");
        }
    }

    private static DateTimeOffset? Instant(DateOnly? jour, TimeOnly? heure, string champ, string quelle, List<(string, string)> erreurs)
    {
        if (jour is null)
        {
            erreurs.Add(($"{champ}Jour", $"Indiquez la date {quelle}."));
            return null;
        }
        if (Years.CheckDate(jour, $"La date {quelle}") is { } horsBornes)
        {
            erreurs.Add(($"{champ}Jour", horsBornes));
            return null;
        }
        if (heure is null)
        {
            erreurs.Add(($"{champ}Heure", $"Indiquez l'heure {quelle}."));
            return null;
        }
        var conversion = Calendrier.Instant(jour.Value, heure.Value);
        if (conversion.Erreur is not null)
        {
            erreurs.Add(($"{champ}Heure", conversion.Erreur));
        }
        return conversion.Instant;
    }

    private async Task VerifierReglesAsync(Saisie saisie, List<(string, string)> erreurs, CancellationToken ct)
    {
        if (!Years.IsValid(saisie.Annee))
        {
            erreurs.Add(("Annee", Years.Message));
        }
        if (saisie.AllocationId is { } allocationId
            && !await db.Set<Allocation>().AnyAsync(a => a.Id == allocationId && a.ActionCode == ActionDuFonds, ct))
        {
            erreurs.Add(("AllocationId", $"Choisissez une enveloppe parmi les allocations de l'action {ActionDuFonds}."));
        }
        if (!saisie.OuvertAuxAssociations && !saisie.OuvertAuxCommunes)
        {
            erreurs.Add(("OuvertAuxAssociations", "Ouvrez l'appel aux associations, aux communes, ou aux deux."));
        }
        var territoires = await db.Set<ConseilTerritoire>().Select(t => t.Code).ToListAsync(ct);
        if (saisie.Territoires.Any(t => !territoires.Contains(t)))
        {
            erreurs.Add(("Territoires", "Choisissez les territoires dans la liste."));
        }
        if (saisie.MontantMaximum is { } maximum && Euros.Verifier(maximum, zeroAccepte: false) is { } invalide)
        {
            erreurs.Add(("MontantMaximum", invalide));
        }
        if (saisie.PartMaximale is < 1 or > 100)
        {
            erreurs.Add(("PartMaximale", "La part maximale du coût du projet est un pourcentage entre 1 et 100."));
        }
        if (saisie.NotesRequises is < 1 or > 10)
        {
            erreurs.Add(("NotesRequises", "Le nombre de notations requises va de 1 à 10."));
        }
        if (saisie.Criteres.Count > CriteresMaximum)
        {
            erreurs.Add(("Criteres", $"La grille compte au plus {CriteresMaximum} critères."));
            return;
        }
        for (var i = 0; i < saisie.Criteres.Count; i++)
        {
            var c = saisie.Criteres[i];
            var libelle = Texts.Clean(c.Libelle);
            if (libelle is null)
            {
                if (c.Poids is not null || c.Echelle is not null)
                {
                    erreurs.Add(($"Criteres[{i}].Libelle", $"Nommez le critère {i + 1}, ou effacez son poids et sa note maximale."));
                }
                continue;
            }
            if (libelle.Length > 200)
            {
                erreurs.Add(($"Criteres[{i}].Libelle", "L'intitulé d'un critère ne doit pas dépasser 200 caractères."));
            }
            if (c.Poids is not (>= 1 and <= 100))
            {
                erreurs.Add(($"Criteres[{i}].Poids", $"Le poids du critère « {libelle} » est un nombre entier de 1 à 100."));
            }
            if (c.Echelle is not (>= 1 and <= 20))
            {
                erreurs.Add(($"Criteres[{i}].Echelle", $"La note maximale du critère « {libelle} » est un nombre entier de 1 à 20."));
            }
        }
    }

    /// <summary>
    /// Publishes, closes, withdraws. Publishing needs what an applicant needs: an envelope, a grid, a closing time to
    /// come; the first publication fixes the rules. Every step is in the call's history.
    /// </summary>
    public async Task<Result> ChangerStatutAsync(int id, int version, StatutAppel vers, ClaimsPrincipal qui, string? motif, CancellationToken ct)
    {
        var appel = await db.Set<AppelAProjets>().Include(a => a.Criteres).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (appel is null)
        {
            return Result.Failure("", "Cet appel à projets n'existe pas.");
        }
        var maintenant = time.GetUtcNow();
        var resultat = await workflows.StepAsync(Workflow, qui, appel, id.ToString(System.Globalization.CultureInfo.InvariantCulture), appel.Statut, vers, () =>
        {
            if (vers != StatutAppel.Publie)
            {
                return Result.Success();
            }
            var manques = new List<(string, string)>();
            if (appel.AllocationId is null)
            {
                manques.Add(("AllocationId", "Pour publier l'appel, choisissez son enveloppe."));
            }
            if (appel.Criteres.Count == 0)
            {
                manques.Add(("Criteres", "Pour publier l'appel, donnez-lui au moins un critère de notation."));
            }
            if (appel.Cloture <= maintenant)
            {
                manques.Add(("ClotureJour", "Pour publier l'appel, reportez sa clôture : elle est passée."));
            }
            return manques.Count == 0 ? Result.Success() : Result.Failure([.. manques]);
        }, motif: motif);
        if (!resultat.Ok)
        {
            return resultat;
        }
        db.Entry(appel).Property(a => a.Version).OriginalValue = version;
        appel.Version = version + 1;
        appel.Statut = vers;
        appel.PublieLe ??= vers == StatutAppel.Publie ? maintenant : null;
        var conflit = await db.SaveAsync(async () =>
        {
            var actuel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == id, ct);
            return $"statut « {Libelle(actuel.Statut)} »";
        }, ct);
        return conflit is null ? Result.Success(id) : Result.Failure("", $"{Concurrency.Message} Enregistré entre-temps : {conflit}.");
    }
}
