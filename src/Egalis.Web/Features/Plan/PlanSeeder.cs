using System.Text.Json;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

/// <summary>
/// Seeds the status list and the PMLCD (2 axes, 14 actions) from the founding text's transcription.
/// Only what is missing is created: the team's later edits are never overwritten.
/// </summary>
public sealed class PlanSeeder : ISeeder
{

    public static readonly IReadOnlyList<StatutAction> Statuts =
    [
        new() { Code = "a-lancer", Libelle = "À lancer", ProgressionParDefaut = 0, Ordre = 1 },
        new() { Code = "en-cours", Libelle = "En cours", ProgressionParDefaut = 50, Ordre = 2 },
        new() { Code = "realise", Libelle = "Réalisé", ProgressionParDefaut = 100, Ordre = 3 },
        new() { Code = "abandonne", Libelle = "Abandonné", ProgressionParDefaut = null, Ordre = 4 },
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var statuts = await db.Set<StatutAction>().Select(s => s.Code).ToListAsync(ct);
        foreach (var statut in Statuts.Where(s => !statuts.Contains(s.Code)))
        {
            db.Add(new StatutAction { Code = statut.Code, Libelle = statut.Libelle, ProgressionParDefaut = statut.ProgressionParDefaut, Ordre = statut.Ordre });
        }
        await db.SaveChangesAsync(ct);

        // The collectivité's founding deliberation gives the plan its axes and actions; without one, the plan starts
        // empty, named as the profile names it, and the team builds it.
        var profil = services.GetRequiredService<Platform.Collectivite.ProfilCollectivite>();
        if (profil.Fondation is null)
        {
            if (!await db.Set<PlanAction>().AnyAsync(p => p.Code == PlanService.PlanPrincipal, ct))
            {
                db.Add(new PlanAction { Code = PlanService.PlanPrincipal, Titre = profil.Plan });
                await db.SaveChangesAsync(ct);
            }
            return;
        }
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(profil.Chemin(profil.Fondation), ct));
        var source = json.RootElement.GetProperty("plan");
        var code = source.GetProperty("code").GetString()!;
        if (!await db.Set<PlanAction>().AnyAsync(p => p.Code == code, ct))
        {
            db.Add(new PlanAction
            {
                Code = code,
                Titre = source.GetProperty("title").GetString()!,
                Description = string.Join(" ", source.GetProperty("stakes").EnumerateArray().Select(s => s.GetString() + ".")),
                AdopteLe = json.RootElement.TryGetProperty("deliberations", out var actes) && actes.GetArrayLength() > 0
                    ? DateOnly.Parse(actes[0].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : null,
            });
            await db.SaveChangesAsync(ct);
        }

        var existants = await db.Set<ElementPlan>().Where(e => e.PlanCode == code).ToDictionaryAsync(e => e.Code, ct);
        var service = source.GetProperty("service_in_charge").GetString();
        var ordreAxe = 0;
        foreach (var axe in source.GetProperty("axes").EnumerateArray())
        {
            var codeAxe = axe.GetProperty("code").GetString()!;
            if (!existants.TryGetValue(codeAxe, out var elementAxe))
            {
                elementAxe = new ElementPlan
                {
                    PlanCode = code, Niveau = NiveauElement.Axe, Code = codeAxe, Titre = axe.GetProperty("title").GetString()!,
                    StatutCode = "a-lancer", Ordre = ++ordreAxe, ServicePilote = service, Territoires = ["METROPOLE"],
                };
                db.Add(elementAxe);
                await db.SaveChangesAsync(ct);
            }
            var ordreAction = 0;
            foreach (var action in axe.GetProperty("actions").EnumerateArray())
            {
                ordreAction++;
                var codeAction = action.GetProperty("code").GetString()!;
                if (existants.ContainsKey(codeAction))
                {
                    continue;
                }
                var detail = action.GetProperty("detail").GetString();
                db.Add(new ElementPlan
                {
                    PlanCode = code, ParentId = elementAxe.Id, Niveau = NiveauElement.Action, Code = codeAction,
                    Titre = action.GetProperty("title").GetString()!, Description = string.IsNullOrWhiteSpace(detail) ? null : detail,
                    StatutCode = "a-lancer", Ordre = ordreAction, ServicePilote = service, Territoires = ["METROPOLE"],
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
