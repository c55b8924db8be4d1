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
    /// <summary>An applicant, on the organisations they are a member of (checked on each page by the membership).</summary>
    public const string DeposerUnDossier = "Déposer un dossier au fonds d'initiative";
    /// <summary>Reviewing dossiers: the plan's team and the fund's instructors everywhere, a territory's referent in their territory.</summary>
    public const string InstruireLesDossiers = "Instruire les dossiers du fonds d'initiative";
    /// <summary>Reopening a decision already taken on a dossier.</summary>
    public const string RouvrirUneDecision = "Rouvrir une décision du fonds d'initiative";

    public void Register(ModuleRegistration module)
    {
        module.Capability(GererLeFonds, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant)
            .Menu("Fonds d'initiative", "/Fonds/Pages/Index", 8)
            .CapabilityOnOwnRecords(DeposerUnDossier, Roles.Porteur)
            .Capability(InstruireLesDossiers, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.Instructeur, Roles.ReferentTerritoire)
            .Capability(RouvrirUneDecision, Roles.Admin)
            .RecordHandler<MembreDossierHandler>()
            .Menu("Instruction", "/Fonds/Pages/Instruction/Index", 54, InstruireLesDossiers)
            .Menu("Appels à projets", "/Fonds/Pages/Gestion/Index", 53, GererLeFonds)
            .Menu("Mes organisations", "/Fonds/Pages/Organisations", 40, DeposerUnDossier)
            .Job<ComptesRendusJob>(ComptesRendusJob.Cle, "Rappelle aux organisations les comptes rendus financiers à déposer et signale ceux en retard", "chaque jour à 7 h", "0 0 7 * * ?")
            .Seeder<FondsSeeder>("fonds", after: ["territoires", "budget"])
            .Seeder<FondsDemo>("demo-fonds", after: ["fonds", "demo-budget", "comptes-demo"]);
        FondsAudit.Register(module.Services);
        module.Services.AddScoped<AppelsService>();
        module.Services.AddScoped<OrganisationsService>();
        module.Services.AddScoped<DossiersService>();
        module.Services.AddScoped<ComiteService>();
        module.Services.AddScoped<SuiviService>();
        module.Services.AddScoped<EchangesService>();
        module.Services.AddScoped<AvisService>();
        module.Services.AddScoped<Platform.Extensions.IEspaceContribution, AvisEspace>();
        module.Services.AddScoped<Platform.Files.IFileOwner, PiecesJointesMessages>();
        module.Services.AddScoped<Platform.Files.IFileOwner, CopiesConvention>();
        module.Services.AddSingleton<Platform.Extensions.ILinkTarget, ComiteLinkTarget>();
        module.Services.AddScoped<Platform.Extensions.IOpenDataset, SubventionsDataset>();
        module.Services.AddSingleton<Platform.Extensions.IIndicateurCalcule, DossiersRecus>();
        module.Services.AddSingleton<Platform.Extensions.IIndicateurCalcule, DossiersAccordes>();
        module.Services.AddSingleton<Platform.Extensions.IIndicateurCalcule, MontantAccorde>();
        module.Services.AddSingleton<Platform.Extensions.IIndicateurCalcule, PartSansPlanLocal>();
        module.Services.AddScoped<Platform.Files.IFileOwner, PiecesOrganisation>();
        module.Services.AddScoped<Platform.Extensions.IEspaceContribution, OrganisationsEspace>();
        module.Services.AddSingleton<Platform.Extensions.IPersonalDataDeclaration, InvitationsPersonalData>();
    }

    public void Map(WebApplication app)
    {
        OpenDataSubventions.Map(app);
        InstructionListe.Map(app);
    }
}
