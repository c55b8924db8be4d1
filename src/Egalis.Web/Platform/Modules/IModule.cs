using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;

namespace Egalis.Web.Platform.Modules;

/// <summary>
/// A feature of the platform: one folder under <c>Features/</c> and one line in <c>Program.cs</c>.
/// <see cref="Register"/> declares everything the module brings (services, capabilities, record checks, menu,
/// seeders, audit descriptions, extension points); <see cref="Map"/> adds its API routes and middleware.
/// How to write one: <c>docs/modules.md</c>.
/// </summary>
public interface IModule
{
    void Register(ModuleRegistration module);

    void Map(WebApplication app)
    {
    }

    /// <summary>
    /// A command line the module runs instead of the site (« dotnet Egalis.Web.dll verifier-collectivite »): its exit code,
    /// or null when the command is not this module's.
    /// </summary>
    Task<int?> CommandAsync(WebApplication app, string[] args) => Task.FromResult<int?>(null);
}

/// <summary>What a module declares at start-up. Thin on purpose: everything ends in the service collection.</summary>
public sealed class ModuleRegistration(WebApplicationBuilder builder)
{
    public IServiceCollection Services => builder.Services;
    public IConfiguration Configuration => builder.Configuration;
    public IHostEnvironment Environment => builder.Environment;

    /// <summary>
    /// A capability (« Piloter le plan ») and the roles that hold it: the one place where a capability meets roles.
    /// It is an authorization policy of the same name, for pages (<c>[Authorize(Policy = …)]</c>), menus and record checks.
    /// </summary>
    public ModuleRegistration Capability(string name, params string[] roles) => Declare(new CapabilityDefinition(name, roles, false));

    /// <summary>A capability whose holders act only on records they own (<see cref="Identity.IOwnedRecord"/>).</summary>
    public ModuleRegistration CapabilityOnOwnRecords(string name, params string[] roles) => Declare(new CapabilityDefinition(name, roles, true));

    private ModuleRegistration Declare(CapabilityDefinition capacite)
    {
        var (name, roles) = (capacite.Name, capacite.Roles.ToArray());
        Services.AddSingleton(capacite);
        Services.AddAuthorizationBuilder().AddPolicy(name, p => p.RequireRole(roles));
        return this;
    }

    /// <summary>A record-level check (scope, ownership), run by <c>IAuthorizationService.AuthorizeAsync(user, record, …)</c>.</summary>
    public ModuleRegistration RecordHandler<THandler>() where THandler : class, IAuthorizationHandler
    {
        Services.AddScoped<IAuthorizationHandler, THandler>();
        return this;
    }

    /// <summary>An entry of the main navigation, shown to everyone (no capability) or to the holders of a capability.</summary>
    public ModuleRegistration Menu(string label, string page, int order, string? capability = null)
    {
        Services.AddSingleton(new MenuEntry(label, page, order, capability));
        return this;
    }

    /// <summary>
    /// A scheduled job (<see cref="Jobs.Job"/>): a key, what it does and when in words (« chaque jour à 6 h »), and
    /// the cron expression of Quartz (« 0 0 6 * * ? », Paris time). It appears on the administrators' page of jobs.
    /// </summary>
    public ModuleRegistration Job<TJob>(string key, string label, string when, string cron) where TJob : Jobs.Job
    {
        Jobs.JobScheduler.Declare<TJob>(Services, key, label, when, cron);
        return this;
    }

    /// <summary>A start-up seeding step named <paramref name="name"/>, run after the steps it names in <paramref name="after"/>.</summary>
    public ModuleRegistration Seeder<TSeeder>(string name, params string[] after) where TSeeder : class, ISeeder
    {
        Services.AddSingleton<TSeeder>();
        Services.AddSingleton(new SeederRegistration(name, typeof(TSeeder), after));
        return this;
    }
}

/// <summary>A capability, the roles that hold it, and whether they hold it only on their own records.</summary>
public sealed record CapabilityDefinition(string Name, IReadOnlyList<string> Roles, bool OnOwnRecords);
