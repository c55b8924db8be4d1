using Egalis.Web.Features.Administration;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Compte;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Plan;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;

// No regular expression on user text may run for long: a match that takes more than a second fails
// (the caller answers with a message), whichever pattern it is.
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(1));

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPlatform();
    builder.Services.AddSingleton<ISeeder, IdentitySeeder>();
    builder.AddTerritoires();
    builder.AddCompte();
    builder.AddPlan();
    builder.AddBudget();
    builder.AddDeliberations();

    app = builder.Build();

    if (AdminCommand.IsRequested(args))
    {
        return await AdminCommand.RunAsync(app, args);
    }

    app.UsePlatform();
    app.UseDoubleAuthentificationObligatoire();
    app.MapTerritoires();
    app.MapPlan();
    app.MapBudget();
    app.MapDeliberations();
    app.MapAdministration();

    await app.Services.InitializeDatabaseAsync();
}
catch (Exception e) when (Demarrage.Explication(e) is { } explication)
{
    // One line that says what to fix, and a non-zero exit code: no stack trace for a configuration problem.
    Console.Error.WriteLine($"Egalis ne démarre pas : {explication}");
    return 1;
}
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
