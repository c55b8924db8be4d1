using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// Demo (Development only): sessions of the Conseil de la Métropole and of two conseils de territoire since 2020,
/// whose decided, signed and acknowledged acts concern the plan's credits and actions (and show on their pages).
/// </summary>
public sealed class DeliberationsDemo : ISeeder
{
    private sealed record ActeDemo(string Assemblee, DateOnly Date, string Numero, string Objet, string Matiere, (string Type, string Reference)[] Liens);

    private static readonly ActeDemo[] Actes =
    [
        .. Enumerable.Range(2020, 6).Select(a => new ActeDemo("CM", new DateOnly(a, 12, 17), $"{a}_CM_{100 + a - 2020:000}",
            $"Budget primitif {a + 1} – crédits du plan de prévention et de lutte contre les discriminations", "7.1",
            [(Budget.CreditLinkTarget.TypeLien, (a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), (Budget.LigneBudgetaireLinkTarget.TypeLien, "D110-65748-552")])),
        new("CM", new DateOnly(2023, 6, 29), "2023_CM_045", "Bilan d'étape du plan de prévention et de lutte contre les discriminations", "8.5",
            [(Plan.PlanLinkTarget.TypeLien, Plan.PlanService.PlanPrincipal)]),
        new("CT2", new DateOnly(2022, 3, 10), "2022_CT2_118", "Convention avec le CNFPT pour la formation des agents à la prévention des discriminations", "1.4",
            [(Plan.ActionPlanLinkTarget.TypeLien, "1.3")]),
        new("CT1", new DateOnly(2024, 5, 23), "2024_CT1_071", "Soutien aux permanences d'aide aux victimes de discriminations", "7.5",
            [(Plan.ActionPlanLinkTarget.TypeLien, "2.2"), (Budget.CreditLinkTarget.TypeLien, "2024")]),
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!await Demo.IsActiveAsync(db, services, ct) || await db.Set<PointOrdreDuJour>().AnyAsync(p => p.NumeroActe == Actes[0].Numero, ct))
        {
            return;
        }
        var assemblees = await db.Set<Assemblee>().ToDictionaryAsync(a => a.Code, ct);
        // All the demo's acts, or none: a failed start leaves no half-demo behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var acte in Actes.Where(a => assemblees.ContainsKey(a.Assemblee)))
        {
            var seance = new Seance { AssembleeId = assemblees[acte.Assemblee].Id, Date = acte.Date, DateConvocation = acte.Date.AddDays(-7), Lieu = "au siège de la Métropole", PolitiqueCode = PolitiqueQuorum.DroitCommun.Code };
            db.Add(seance);
            await db.SaveChangesAsync(ct);
            var point = new PointOrdreDuJour
            {
                SeanceId = seance.Id, Rang = 1, Objet = acte.Objet, MatiereCode = acte.Matiere, NatureCode = "DE", Genre = GenrePoint.Vote,
                Considerants = ["Considérant le plan de prévention et de lutte contre les discriminations adopté le 19 décembre 2019"],
                Articles = ["Est approuvé ce qui précède."], NumeroActe = acte.Numero, ResultatSansDecompte = ResultatDeliberation.Adoptee, Delibere = true,
                DateSignature = acte.Date.AddDays(2), Transmission = StatutTransmission.Acquitte, DateTransmission = acte.Date.AddDays(3), DateAccuse = acte.Date.AddDays(4),
            };
            db.Add(point);
            await db.SaveChangesAsync(ct);
            db.AddRange(acte.Liens.Select(l => new LienDeliberation { PointId = point.Id, Type = l.Type, Reference = l.Reference }));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
