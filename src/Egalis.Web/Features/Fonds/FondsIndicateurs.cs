using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The fund in figures, per year and conseil de territoire: dossiers received (submitted), dossiers granted, the amount
/// granted, and the share of that amount going to projects in at least one commune without a local plan (the founding
/// text's aim). The plan's indicators take the Métropole's totals; the team's dashboard shows each territory.
/// </summary>
public static class FondsChiffres
{
    public sealed record Annee(int Exercice, string? Territoire, int Recus, int Accordes, decimal Montant, decimal MontantSansPlan)
    {
        public decimal? PartSansPlan => Montant == 0 ? null : Math.Round(100m * MontantSansPlan / Montant, 1);
    }

    // The four indicators of a page ask for the same figures: computed once per unit of work.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EgalisDbContext, Task<List<Annee>>> ParContexte = new();

    /// <summary>Three queries whatever the number of dossiers, once per unit of work: submissions, the latest grants of dossiers still accepted, communes with a plan.</summary>
    public static Task<List<Annee>> CalculerAsync(EgalisDbContext db, CancellationToken ct) =>
        ParContexte.GetValue(db, contexte => LireAsync(contexte, ct));

    private static async Task<List<Annee>> LireAsync(EgalisDbContext db, CancellationToken ct)
    {
        var deposes = await db.Set<Dossier>().AsNoTracking().Where(d => d.DeposeLe != null)
            .Select(d => new { d.DeposeLe, d.ConseilTerritoireCode }).ToListAsync(ct);
        var accordes = await (from d in db.Set<DecisionComite>().AsNoTracking()
                              join c in db.Set<Comite>() on d.ComiteId equals c.Id
                              join x in db.Set<Dossier>() on d.DossierId equals x.Id
                              where d.Accorde && x.Etat == EtatDossier.Accepte && !db.Set<DecisionComite>().Any(a => a.DossierId == d.DossierId && a.Id > d.Id)
                              select new { c.Date.Year, x.ConseilTerritoireCode, d.Montant, x.Communes }).ToListAsync(ct);
        var avecPlan = (await db.Set<CommunePlanLocal>().AsNoTracking().Select(c => c.CommuneCodeInsee).ToListAsync(ct)).ToHashSet();
        var recus = deposes.GroupBy(d => (Annee: TimeZoneInfo.ConvertTime(d.DeposeLe!.Value, Platform.Web.Paris.Fuseau).Year, Territoire: d.ConseilTerritoireCode))
            .ToDictionary(g => g.Key, g => g.Count());
        var accords = accordes.GroupBy(a => (Annee: a.Year, Territoire: (string?)a.ConseilTerritoireCode))
            .ToDictionary(g => g.Key, g => (Nombre: g.Count(), Montant: g.Sum(a => a.Montant ?? 0), SansPlan: g.Where(a => a.Communes.Any(c => !avecPlan.Contains(c))).Sum(a => a.Montant ?? 0)));
        return recus.Keys.Union(accords.Keys).Distinct()
            .Select(k => new Annee(k.Annee, k.Territoire, recus.GetValueOrDefault(k),
                accords.TryGetValue(k, out var a) ? a.Nombre : 0, accords.TryGetValue(k, out var b) ? b.Montant : 0, accords.TryGetValue(k, out var c) ? c.SansPlan : 0))
            .OrderBy(a => a.Exercice).ThenBy(a => a.Territoire).ToList();
    }

    /// <summary>The Métropole's totals of a year, all territories added.</summary>
    public static Annee Total(IEnumerable<Annee> chiffres, int annee)
    {
        var duneAnnee = chiffres.Where(c => c.Exercice == annee).ToList();
        return new Annee(annee, null, duneAnnee.Sum(c => c.Recus), duneAnnee.Sum(c => c.Accordes), duneAnnee.Sum(c => c.Montant), duneAnnee.Sum(c => c.MontantSansPlan));
    }
}

/// <summary>The four indicators of action 2.5, computed from the fund's records.</summary>
public abstract class IndicateurFonds(string code, string libelle, string unite, Func<FondsChiffres.Annee, decimal?> valeur) : IIndicateurCalcule
{
    public string Code => code;
    public string Libelle => libelle;
    public string Unite => unite;
    public SensIndicateur Sens => SensIndicateur.Hausse;
    public string? ActionCode => AppelsService.ActionDuFonds;

    public async Task<IReadOnlyDictionary<int, decimal>> CalculerAsync(EgalisDbContext db, IReadOnlyCollection<int> annees, CancellationToken ct)
    {
        var chiffres = await FondsChiffres.CalculerAsync(db, ct);
        return annees.Select(a => (a, Valeur: valeur(FondsChiffres.Total(chiffres, a)))).Where(x => x.Valeur is not null).ToDictionary(x => x.a, x => x.Valeur!.Value);
    }
}

public sealed class DossiersRecus() : IndicateurFonds("FONDS-DOSSIERS-RECUS", "Dossiers déposés au fonds d'initiative", "dossiers", a => a.Recus);

public sealed class DossiersAccordes() : IndicateurFonds("FONDS-DOSSIERS-ACCORDES", "Dossiers soutenus par le fonds d'initiative", "dossiers", a => a.Accordes);

public sealed class MontantAccorde() : IndicateurFonds("FONDS-MONTANT-ACCORDE", "Montant accordé par le fonds d'initiative", "euros", a => a.Montant);

public sealed class PartSansPlanLocal() : IndicateurFonds("FONDS-PART-SANS-PLAN", "Part du montant accordé à des projets dans des communes sans plan local", "%", a => a.PartSansPlan);
