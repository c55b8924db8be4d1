using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;

namespace Egalis.Web.Features.Administration;

public static class AdministrationModule
{
    public static WebApplication MapAdministration(this WebApplication app)
    {
        var menu = app.Services.GetRequiredService<MenuRegistry>();
        menu.Add(new MenuEntry("Utilisateurs", "/Administration/Pages/Utilisateurs", 90, Roles.Admin));
        menu.Add(new MenuEntry("Journal d'audit", "/Administration/Pages/Journal", 91, Roles.Admin));
        return app;
    }
}
