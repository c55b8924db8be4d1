using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;
using Microsoft.AspNetCore.Identity;

namespace Egalis.Web.Features.Compte;

/// <summary>Signing in and out, passwords, two-factor authentication; the demo accounts of Development.</summary>
public sealed class CompteModule : IModule
{
    public void Register(ModuleRegistration module)
    {
        module.Seeder<ComptesDemo>("comptes-demo", after: ["roles", "territoires"]);
        module.Services.AddScoped<LienMotDePasse>();
        module.Services.AddSingleton<Platform.Extensions.IPersonalDataDeclaration, ComptesPersonalData>();
    }

    public void Map(WebApplication app) => UseDoubleAuthentificationObligatoire(app);

    /// <summary>
    /// Outside Development, Admin, ChefDeProjet and Instructeur must turn on two-factor
    /// authentication before they reach anything but their account pages.
    /// </summary>
    private static void UseDoubleAuthentificationObligatoire(WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue("Egalis:DoubleAuthentificationFacultative", false))
        {
            return;
        }
        app.Use(async (context, next) =>
        {
            var user = context.User;
            var path = context.Request.Path;
            if (user.Identity?.IsAuthenticated == true
                && Roles.RequireTwoFactor.Any(user.IsInRole)
                && !path.StartsWithSegments("/compte")
                && !path.StartsWithSegments("/erreur")
                && !user.HasClaim(c => c.Type == "amr" && c.Value == "mfa"))
            {
                var users = context.RequestServices.GetRequiredService<UserManager<Utilisateur>>();
                var account = await users.GetUserAsync(user);
                if (account is not null && !account.TwoFactorEnabled)
                {
                    if (path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return;
                    }
                    context.Response.Redirect("/compte/securite");
                    return;
                }
            }
            await next(context);
        });
    }
}
