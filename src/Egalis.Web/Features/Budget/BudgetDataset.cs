using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget;

/// <summary>Each year's credits and their use per action (allocated, committed, paid), one file per year.</summary>
public sealed class BudgetDataset : IOpenDataset
{
    public string Title => "Emploi des crédits du plan";
    public string Description => "Pour chaque année et chaque action du plan : montants alloués, engagés, mandatés et disponibles, en euros.";
    public (string Nom, string? Url)? Schema => null;

    private static Task<List<int>> AnneesAsync(EgalisDbContext db, CancellationToken ct) =>
        db.Set<Exercice>().AsNoTracking().OrderBy(e => e.Annee).Select(e => e.Annee).ToListAsync(ct);

    public async Task<IReadOnlyList<(string Libelle, string Url)>> FilesAsync(EgalisDbContext db, CancellationToken ct) =>
        (await AnneesAsync(db, ct)).SelectMany(a => new[]
        {
            ($"CSV {a}", $"/exports/budget-{a.ToString(CultureInfo.InvariantCulture)}.csv"),
            ($"XLSX {a}", $"/exports/budget-{a.ToString(CultureInfo.InvariantCulture)}.xlsx"),
        }).ToList();

    /// <summary>A line per year and action with an allocation, as the export writes them: one query.</summary>
    public Task<int> RowCountAsync(EgalisDbContext db, CancellationToken ct) =>
        db.Set<Allocation>().Select(a => new { a.Credit!.Annee, a.ActionCode }).Distinct().CountAsync(ct);

    public IReadOnlyList<Type> Entities => [typeof(Credit), typeof(Allocation), typeof(Engagement), typeof(Mandatement)];
}
