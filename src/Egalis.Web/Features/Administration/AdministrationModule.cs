using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Features.Administration;

/// <summary>Accounts, roles and scopes; the audit log.</summary>
public sealed class AdministrationModule : IModule
{
    public const string Administrer = "Administrer la plateforme";

    public void Register(ModuleRegistration module) => module
        .Capability(Administrer, Roles.Admin)
        .Menu("Utilisateurs", "/Administration/Pages/Utilisateurs", 90, Administrer)
        .Menu("Journal d'audit", "/Administration/Pages/Journal", 91, Administrer)
        .Menu("Tâches planifiées", "/Administration/Pages/Taches", 92, Administrer);
}
