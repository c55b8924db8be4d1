using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;

namespace Egalis.Web.Features.Plan;

public static class PlanModule
{
    public static WebApplicationBuilder AddPlan(this WebApplicationBuilder builder)
    {
        PlanAudit.Declarer(builder.Services);
        builder.Services.AddScoped<PlanService>();
        builder.Services.AddSingleton<ISeeder, PlanSeeder>();
        builder.Services.AddScoped<Indicateurs.IndicateursService>();
        builder.Services.AddSingleton<Indicateurs.RegistreIndicateurs>();
        builder.Services.AddSingleton<ISeeder, Indicateurs.IndicateursSeeder>();
        builder.Services.AddScoped<Bilan.BilanService>();
        builder.Services.AddScoped<Echanges.ImportPlan>();
        return builder;
    }

    public static WebApplication MapPlan(this WebApplication app)
    {
        var menu = app.Services.GetRequiredService<MenuRegistry>();
        menu.Add(new MenuEntry("Où en est le plan ?", "/Plan/Pages/Index", 5));
        menu.Add(new MenuEntry("Indicateurs", "/Plan/Pages/Indicateurs", 6));
        menu.Add(new MenuEntry("Pilotage", "/Plan/Pages/Pilotage", 50, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant));
        PlanApi.Map(app);
        Echanges.PlanExports.Map(app);
        return app;
    }
}
