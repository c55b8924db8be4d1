using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;

namespace Egalis.Web.Features.Budget;

public static class BudgetModule
{
    public static WebApplicationBuilder AddBudget(this WebApplicationBuilder builder)
    {
        BudgetAudit.Declarer(builder.Services);
        builder.Services.AddScoped<BudgetService>();
        builder.Services.AddScoped<BudgetSynthese>();
        builder.Services.AddSingleton<ISeeder, BudgetSeeder>();
        return builder;
    }

    public static WebApplication MapBudget(this WebApplication app)
    {
        app.Services.GetRequiredService<MenuRegistry>().Add(new MenuEntry("Budget", "/Budget/Pages/Index", 51, Roles.Admin, Roles.ChefDeProjet, Roles.Assistant));
        BudgetApi.Map(app);
        BudgetExports.Map(app);
        return app;
    }
}
