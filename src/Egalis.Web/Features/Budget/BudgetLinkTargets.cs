using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget;

/// <summary>An act about a year's credits of the plan (the budget vote, a decision modifying it).</summary>
public sealed class CreditLinkTarget : ILinkTarget
{
    public const string TypeLien = "budget-credit";
    public string Type => TypeLien;
    public string Group => "Budget";
    public string Label(string reference) => $"Crédits du plan pour {reference}";
    public string? Url(string reference) => $"/budget?Annee={reference}";

    public async Task<IReadOnlyList<(string Reference, string Libelle)>> ChoicesAsync(EgalisDbContext db, CancellationToken ct) =>
        (await db.Set<Exercice>().AsNoTracking().OrderBy(e => e.Annee).Select(e => e.Annee).ToListAsync(ct))
            .Select(a => (a.ToString(CultureInfo.InvariantCulture), Label(a.ToString(CultureInfo.InvariantCulture)))).ToList();

    public async Task<bool> ExistsAsync(EgalisDbContext db, string reference, CancellationToken ct) =>
        int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var annee) && await db.Set<Exercice>().AnyAsync(e => e.Annee == annee, ct);
}

/// <summary>An act about a budget line (sous-politique, nature, fonction), as the founding deliberation names D110 / 65748 / 552.</summary>
public sealed class LigneBudgetaireLinkTarget : ILinkTarget
{
    public const string TypeLien = "budget-ligne";
    public string Type => TypeLien;
    public string Group => "Budget";
    public string Label(string reference) => $"Ligne budgétaire {reference}";
    public string? Url(string reference) => "/budget";

    public static string Reference(LigneBudgetaire l) => $"{l.SousPolitique}-{l.Nature}-{l.Fonction}";

    public async Task<IReadOnlyList<(string Reference, string Libelle)>> ChoicesAsync(EgalisDbContext db, CancellationToken ct) =>
        (await db.Set<LigneBudgetaire>().AsNoTracking().OrderBy(l => l.SousPolitique).ThenBy(l => l.Nature).ThenBy(l => l.Fonction).ToListAsync(ct))
            .Select(l => (Reference(l), $"Ligne budgétaire {Reference(l)} – {l.Libelle}")).ToList();

    public async Task<bool> ExistsAsync(EgalisDbContext db, string reference, CancellationToken ct) =>
        reference.Split('-') is [var sousPolitique, var nature, var fonction]
        && await db.Set<LigneBudgetaire>().AnyAsync(l => l.SousPolitique == sousPolitique && l.Nature == nature && l.Fonction == fonction, ct);
}
