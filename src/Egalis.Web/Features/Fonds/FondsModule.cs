using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The annual initiative fund (action 2.5 of the plan): calls for projects, applications, instruction, committee,
/// conventions, payments, reports and their open data.
/// </summary>
public sealed class FondsModule : IModule
{
    public const string GererLeFonds = "Gérer le fonds d'initiative";

    public void Register(ModuleRegistration module)
    {
        module.Capability(GererLeFonds, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant)
            .Menu("Fonds d'initiative", "/Fonds/Pages/Index", 8)
            .Menu("Appels à projets", "/Fonds/Pages/Gestion/Index", 53, GererLeFonds)
            .Seeder<FondsSeeder>("fonds", after: ["territoires", "budget"]);
        FondsAudit.Register(module.Services);
        module.Services.AddScoped<AppelsService>();
    }

    public void Map(WebApplication app)
    {
    }
}
