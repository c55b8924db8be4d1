using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Indicateurs;

/// <summary>Indicators with their values and targets per year, computed ones included.</summary>
public sealed class IndicateursService(EgalisDbContext db, RegistreIndicateurs registre)
{
    /// <summary>The largest figure an indicator takes (the database keeps 18 digits, 4 of them decimals).</summary>
    public const decimal ValeurMaximale = 1_000_000_000_000m;

    /// <summary>Why a figure cannot be an indicator's value or target, or null.</summary>
    public static string? VerifierValeur(decimal valeur) =>
        valeur is < -ValeurMaximale or > ValeurMaximale ? "La valeur doit être comprise entre -1 000 000 000 000 et 1 000 000 000 000." : null;

    public sealed record Point(decimal? Valeur, decimal? Cible, bool? Atteint);

    public sealed record Ligne(Indicateur Indicateur, IReadOnlyDictionary<int, Point> ParAnnee, IReadOnlyList<ValeurIndicateur> Periodes)
    {
        public bool EstCalcule => Indicateur.Calcul is not null;
    }

    /// <summary>Makes every registered provider an indicator of the plan (its definition follows the code).</summary>
    public async Task SynchroniserAsync(CancellationToken ct)
    {
        var existants = await db.Set<Indicateur>().Where(i => i.Calcul != null).ToDictionaryAsync(i => i.Code, ct);
        foreach (var calcul in registre.Tous)
        {
            if (!existants.TryGetValue(calcul.Code, out var indicateur))
            {
                db.Add(new Indicateur { Code = calcul.Code, Libelle = calcul.Libelle, Unite = calcul.Unite, Sens = calcul.Sens, ActionCode = calcul.ActionCode, Calcul = calcul.Code });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<Ligne>> LoadAsync(IReadOnlyCollection<int> annees, string? code = null, CancellationToken ct = default)
    {
        var indicateurs = await db.Set<Indicateur>().AsNoTracking().Where(i => code == null || i.Code == code).OrderBy(i => i.Code).ToListAsync(ct);
        // Targets and measured values in one query (one shape for both).
        var points = await db.Set<CibleIndicateur>().AsNoTracking().Where(c => code == null || c.IndicateurCode == code)
            .Select(c => new { Cible = true, Id = 0, c.IndicateurCode, c.Annee, Periode = "", c.Valeur, Commentaire = (string?)null })
            .Concat(db.Set<ValeurIndicateur>().AsNoTracking().Where(v => code == null || v.IndicateurCode == code)
                .Select(v => new { Cible = false, v.Id, v.IndicateurCode, v.Annee, v.Periode, v.Valeur, v.Commentaire }))
            .ToListAsync(ct);
        var cibles = points.Where(p => p.Cible).Select(p => new CibleIndicateur { IndicateurCode = p.IndicateurCode, Annee = p.Annee, Valeur = p.Valeur }).ToList();
        var valeurs = points.Where(p => !p.Cible)
            .Select(p => new ValeurIndicateur { Id = p.Id, IndicateurCode = p.IndicateurCode, Annee = p.Annee, Periode = p.Periode, Valeur = p.Valeur, Commentaire = p.Commentaire })
            .ToList();
        var lignes = new List<Ligne>();
        foreach (var indicateur in indicateurs)
        {
            var calcul = registre.Find(indicateur.Calcul);
            // A computed indicator gives all its years at once: no query per year.
            var calcules = calcul is null ? null : await calcul.CalculerAsync(db, annees, ct);
            var parAnnee = new Dictionary<int, Point>();
            foreach (var annee in annees)
            {
                decimal? valeur = calcules is not null
                    ? calcules.TryGetValue(annee, out var v) ? v : null
                    : valeurs.FirstOrDefault(v => v.IndicateurCode == indicateur.Code && v.Annee == annee && v.Periode == "")?.Valeur;
                var cible = cibles.FirstOrDefault(c => c.IndicateurCode == indicateur.Code && c.Annee == annee)?.Valeur;
                parAnnee[annee] = new Point(valeur, cible, Atteint(indicateur.Sens, valeur, cible));
            }
            lignes.Add(new Ligne(indicateur, parAnnee,
                valeurs.Where(v => v.IndicateurCode == indicateur.Code).OrderBy(v => v.Annee).ThenBy(v => v.Periode, StringComparer.Ordinal).ToList()));
        }
        return lignes;
    }

    public static bool? Atteint(SensIndicateur sens, decimal? valeur, decimal? cible) =>
        valeur is null || cible is null ? null : sens == SensIndicateur.Hausse ? valeur >= cible : valeur <= cible;

    /// <summary>The plan's years: from the first year after adoption to the current one.</summary>
    public static IReadOnlyList<int> AnneesDuPlan(DateOnly aujourdhui) =>
        Enumerable.Range(2020, Math.Max(1, aujourdhui.Year - 2020 + 1)).ToList();

    public static string Format(decimal? valeur) =>
        valeur is null ? "–" : valeur.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

/// <summary>Runs after the plan's seeding: registered providers become indicators.</summary>
public sealed class IndicateursSeeder : ISeeder
{

    public Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IndicateursService>().SynchroniserAsync(ct);
}
