using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Jobs;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

/// <summary>
/// Every morning: the milestones that passed their date without being reached are flagged once, and the plan's team
/// (team leaders and assistants) gets one message listing them. « Mon espace » lists every late milestone.
/// </summary>
public sealed class JalonsEnRetardJob(IServiceScopeFactory scopes, TimeProvider time) : Job(scopes, time)
{
    public const string Cle = "jalons-en-retard";

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<EgalisDbContext>();
        var horloge = services.GetRequiredService<TimeProvider>();
        var aujourdhui = Paris.Today(horloge);
        var nouveaux = await db.Set<Jalon>().Where(j => j.AtteintLe == null && j.Date < aujourdhui && j.RetardSignaleLe == null)
            .OrderBy(j => j.Date).ThenBy(j => j.Id).ToListAsync(ct);
        if (nouveaux.Count == 0)
        {
            return "Aucun nouveau jalon en retard.";
        }
        var ids = nouveaux.Select(j => j.ElementPlanId).Distinct().ToList();
        var actions = await db.Set<ElementPlan>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var jalon in nouveaux)
        {
            jalon.RetardSignaleLe = aujourdhui;
        }
        await db.SaveChangesAsync(ct);

        // Those who steer the whole plan (the capability's roles without a territorial scope), as « Mon espace » shows them.
        var roles = services.GetRequiredService<CapabilityCatalog>().Find(PlanModule.PiloterLePlan).Roles
            .Where(r => Roles.PorteeRequise(r) == Portee.Aucune).ToList();
        var equipe = await db.Users.AsNoTracking()
            .Where(u => u.DesactiveLe == null && u.Email != null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Email!).ToListAsync(ct);
        var url = services.GetRequiredService<IConfiguration>()["Egalis:UrlPublique"]?.TrimEnd('/') ?? "";
        var lignes = nouveaux.Select(j => $"- {j.Titre} (action {actions[j.ElementPlanId].Code} « {actions[j.ElementPlanId].Titre} »), prévu le {j.Date:dd/MM/yyyy} : {url}/plan/modifier/{actions[j.ElementPlanId].Code}");
        var texte = $"Bonjour,\n\n{French.Majuscule(French.Nombre(nouveaux.Count, "jalon du plan est passé", "jalons du plan sont passés"))} en retard :\n\n{string.Join("\n", lignes)}\n\nVous retrouvez tous les jalons en retard dans « Mon espace » : {url}/espace\n\nEgalis";
        var envois = services.GetRequiredService<DeferredEmails>();
        foreach (var adresse in equipe)
        {
            envois.Enqueue(new EmailMessage(adresse, $"Egalis : {French.Nombre(nouveaux.Count, "jalon en retard", "jalons en retard")}", texte));
        }
        return $"{French.Majuscule(French.Nombre(nouveaux.Count, "jalon signalé", "jalons signalés"))} en retard à {French.Nombre(equipe.Count, "personne", "personnes")} de l'équipe du plan.";
    }
}
