using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget;

/// <summary>Each year's credits and their use per action (allocated, committed, paid), one file per year.</summary>
public sealed class BudgetJeuDeDonnees(BudgetSynthese synthese) : IJeuDeDonnees
{
    public string Titre => "Emploi des crédits du plan";
    public string Description => "Pour chaque année et chaque action du plan : montants alloués, engagés, mandatés et disponibles, en euros.";
    public (string Nom, string? Url)? Schema => null;

    private static Task<List<int>> AnneesAsync(EgalisDbContext db, CancellationToken ct) =>
        db.Set<Exercice>().AsNoTracking().OrderBy(e => e.Annee).Select(e => e.Annee).ToListAsync(ct);

    public async Task<IReadOnlyList<(string Libelle, string Url)>> FichiersAsync(EgalisDbContext db, CancellationToken ct) =>
        (await AnneesAsync(db, ct)).SelectMany(a => new[]
        {
            ($"CSV {a}", $"/exports/budget-{a.ToString(CultureInfo.InvariantCulture)}.csv"),
            ($"XLSX {a}", $"/exports/budget-{a.ToString(CultureInfo.InvariantCulture)}.xlsx"),
        }).ToList();

    public async Task<int> LignesAsync(EgalisDbContext db, CancellationToken ct)
    {
        var lignes = 0;
        foreach (var annee in await AnneesAsync(db, ct))
        {
            lignes += (await synthese.ChargerAsync(annee, ct))?.Actions.Count ?? 0;
        }
        return lignes;
    }

    public Task<DateTimeOffset?> MisAJourAsync(EgalisDbContext db, CancellationToken ct) =>
        DonneesOuvertes.DerniereModificationAsync(db, ct, typeof(Credit), typeof(Allocation), typeof(Engagement), typeof(Mandatement));
}
