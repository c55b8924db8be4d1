using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Features.Deliberations;

/// <summary>The assemblies' register: sessions, attendance, votes, acts, their transmission and publication.</summary>
public sealed class DeliberationsModule : IModule
{
    /// <summary>Held everywhere by the plan's team, within their own conseil de territoire by its referent (checked per assembly).</summary>
    public const string TenirLeSecretariat = "Tenir le secrétariat d'une assemblée";

    public void Register(ModuleRegistration module)
    {
        module.Capability(TenirLeSecretariat, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.ReferentTerritoire)
            .Menu("Délibérations", "/Deliberations/Pages/Index", 7)
            .Menu("Secrétariat", "/Deliberations/Pages/Gestion", 52, TenirLeSecretariat)
            .Seeder<DeliberationsSeeder>("deliberations", after: ["plan", "budget"])
            .Seeder<DeliberationsDemo>("demo-deliberations", after: ["deliberations", "demo-budget"]);
        DeliberationsAudit.Register(module.Services);
        module.Services.AddSingleton<MatieresActes>();
        module.Services.AddScoped<Registre>();
        module.Services.AddScoped<SecretariatService>();
        module.Services.AddScoped<PorteeSecretariat>();
        module.Services.AddScoped<Platform.Extensions.IEspaceContribution, TransmissionsAFaire>();
        module.Services.AddScoped<Platform.Extensions.IOpenDataset, DeliberationsDataset>();
        module.Services.AddScoped<Platform.Files.IFileOwner, PiecesActe>();
        module.Services.AddSingleton<Platform.Extensions.IPersonalDataDeclaration, ActesPersonalData>();
    }

    public void Map(WebApplication app) => DeliberationsApi.Map(app);
}
