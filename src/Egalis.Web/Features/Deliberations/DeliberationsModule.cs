using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;

namespace Egalis.Web.Features.Deliberations;

public static class DeliberationsModule
{
    public static WebApplicationBuilder AddDeliberations(this WebApplicationBuilder builder)
    {
        DeliberationsAudit.Declarer(builder.Services);
        builder.Services.AddSingleton<MatieresActes>();
        builder.Services.AddScoped<Registre>();
        builder.Services.AddScoped<SecretariatService>();
        builder.Services.AddSingleton<ISeeder, DeliberationsSeeder>();
        return builder;
    }

    public static WebApplication MapDeliberations(this WebApplication app)
    {
        var menu = app.Services.GetRequiredService<MenuRegistry>();
        menu.Add(new MenuEntry("Délibérations", "/Deliberations/Pages/Index", 7));
        menu.Add(new MenuEntry("Secrétariat", "/Deliberations/Pages/Gestion", 52, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.ReferentTerritoire));
        DeliberationsApi.Map(app);
        return app;
    }
}
