using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget;

/// <summary>
/// Demo (Development only): the budget line's credits from 2020 to 2026 — 60 000 € the first two years, then growing
/// from the third (« à partir de N+2 »), as the founding deliberation provides — allocated to actions, committed to
/// beneficiaries and paid, through the budget's own service (its ceilings hold).
/// </summary>
public sealed class BudgetDemo : ISeeder
{
    private static readonly (int Annee, decimal Credits)[] Credits =
        [(2020, 60_000m), (2021, 60_000m), (2022, 66_000m), (2023, 72_000m), (2024, 78_000m), (2025, 84_000m), (2026, 90_000m)];

    /// <summary>Each year's share per action, and who receives the money.</summary>
    private static readonly (string Action, decimal Part, string Beneficiaire, string Objet)[] Repartition =
    [
        ("1.2", 0.15m, "Cabinet Égalité RH", "Accompagnement des jurys de recrutement"),
        ("1.3", 0.25m, "CNFPT – délégation Provence-Alpes-Côte d'Azur", "Sessions de formation des agents"),
        ("2.1", 0.20m, "Réseau des communes engagées", "Rencontre annuelle et guide des bonnes pratiques"),
        ("2.2", 0.15m, "Maison des droits et de la médiation", "Permanences d'aide aux victimes"),
        ("2.5", 0.25m, "Associations lauréates du fonds d'initiative", "Projets du fonds d'initiative"),
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!await Demo.IsActiveAsync(db, services, ct) || await db.Set<Credit>().AnyAsync(c => c.Annee == 2021, ct))
        {
            return;
        }
        var budget = services.GetRequiredService<BudgetService>();
        if (await db.Set<LigneBudgetaire>().OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct) is not { } ligne)
        {
            return;
        }
        foreach (var (annee, montant) in Credits)
        {
            if (await budget.DefinirCreditAsync(annee, ligne, montant, ct) is not { Ok: true, Id: { } credit })
            {
                continue;
            }
            foreach (var (action, part, beneficiaire, objet) in Repartition)
            {
                var alloue = montant * part;
                if (await budget.AllouerAsync(credit, action, alloue, ct) is not { Ok: true, Id: { } allocation })
                {
                    continue;
                }
                // The fund's envelopes of 2024 and 2025 are committed by its committees (FondsDemo), dossier by dossier.
                if (action == Fonds.AppelsService.ActionDuFonds && annee is 2024 or 2025)
                {
                    continue;
                }
                // Past years fully committed (90 %), the current one in part; paid in full up to 2024, half in 2025.
                var engage = decimal.Round(alloue * (annee < 2026 ? 0.9m : 0.3m), 2);
                var engagement = await budget.EngagerAsync(allocation, engage, beneficiaire, $"{objet} {annee}", new DateOnly(annee, 4, 15), ct: ct);
                if (engagement is { Ok: true, Id: { } engagementId } && annee <= 2025)
                {
                    await budget.MandaterAsync(engagementId, annee <= 2024 ? engage : decimal.Round(engage / 2, 2), new DateOnly(annee, 10, 15), $"MANDAT-{annee}-{action}", ct);
                }
            }
        }
    }
}
