using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Features.Budget;

/// <summary>The plan's budget: fiscal years, credits, allocations per action, commitments and payments.</summary>
public sealed class BudgetModule : IModule
{
    public const string GererLeBudget = "Gérer le budget du plan";

    public void Register(ModuleRegistration module)
    {
        module.Capability(GererLeBudget, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant)
            .Menu("Budget", "/Budget/Pages/Index", 51, GererLeBudget)
            .Seeder<BudgetSeeder>("budget", after: "plan")
            .Seeder<BudgetDemo>("demo-budget", after: ["budget", "demo-plan"]);
        BudgetAudit.Register(module.Services);
        module.Services.AddScoped<BudgetService>();
        module.Services.AddScoped<BudgetSynthese>();
        module.Services.AddSingleton<Platform.Extensions.ILinkTarget, CreditLinkTarget>();
        module.Services.AddSingleton<Platform.Extensions.ILinkTarget, LigneBudgetaireLinkTarget>();
        module.Services.AddScoped<Platform.Extensions.IOpenDataset, BudgetDataset>();
    }

    public void Map(WebApplication app)
    {
        BudgetApi.Map(app);
        BudgetExports.Map(app);
    }
}
