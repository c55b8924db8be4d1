using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Features.Plan;

/// <summary>The plan's axes, actions and sub-actions, their progress, milestones and indicators, the yearly report.</summary>
public sealed class PlanModule : IModule
{
    public const string PiloterLePlan = "Piloter le plan";

    public void Register(ModuleRegistration module)
    {
        module.Capability(PiloterLePlan, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant)
            .Menu("Où en est le plan ?", "/Plan/Pages/Index", 5)
            .Menu("Indicateurs", "/Plan/Pages/Indicateurs", 6)
            .Menu("Pilotage", "/Plan/Pages/Pilotage", 50, PiloterLePlan)
            .Seeder<PlanSeeder>("plan")
            .Seeder<Indicateurs.IndicateursSeeder>("indicateurs", after: "plan")
            .Seeder<PlanDemo>("demo-plan", after: ["plan", "indicateurs"])
            .Job<JalonsEnRetardJob>(JalonsEnRetardJob.Cle, "Signale à l'équipe du plan les jalons passés en retard", "chaque jour à 6 h", "0 0 6 * * ?");
        PlanAudit.Register(module.Services);
        module.Services.AddScoped<PlanService>();
        module.Services.AddScoped<Indicateurs.IndicateursService>();
        module.Services.AddSingleton<Indicateurs.RegistreIndicateurs>();
        module.Services.AddScoped<Bilan.BilanService>();
        module.Services.AddScoped<Echanges.ImportPlan>();
        module.Services.AddScoped<Platform.Extensions.IEspaceContribution, JalonsEnRetard>();
        module.Services.AddSingleton<Platform.Extensions.ILinkTarget, PlanLinkTarget>();
        module.Services.AddSingleton<Platform.Extensions.ILinkTarget, ActionPlanLinkTarget>();
        module.Services.AddScoped<Platform.Extensions.IOpenDataset, ActionsDataset>();
        module.Services.AddScoped<Platform.Extensions.IOpenDataset, IndicateursDataset>();
    }

    public void Map(WebApplication app)
    {
        PlanApi.Map(app);
        Echanges.PlanExports.Map(app);
    }
}
