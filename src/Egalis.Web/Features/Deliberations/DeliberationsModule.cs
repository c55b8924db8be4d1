using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Ui;

namespace Egalis.Web.Features.Deliberations;

public static class DeliberationsModule
{
    public static WebApplicationBuilder AddDeliberations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MatieresActes>();
        builder.Services.AddScoped<Registre>();
        builder.Services.AddSingleton<ISeeder, DeliberationsSeeder>();
        return builder;
    }

    public static WebApplication MapDeliberations(this WebApplication app)
    {
        app.Services.GetRequiredService<MenuRegistry>().Add(new MenuEntry("Délibérations", "/Deliberations/Pages/Index", 7));
        DeliberationsApi.Map(app);
        return app;
    }
}
