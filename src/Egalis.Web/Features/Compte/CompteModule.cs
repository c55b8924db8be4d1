using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Egalis.Web.Features.Compte;

public static class CompteModule
{
    public static WebApplicationBuilder AddCompte(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LienMotDePasse>();
        return builder;
    }

    /// <summary>
    /// Outside Development, Admin, ChefDeProjet and Instructeur must turn on two-factor
    /// authentication before they reach anything but their account pages.
    /// </summary>
    public static WebApplication UseDoubleAuthentificationObligatoire(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue("Egalis:DoubleAuthentificationFacultative", false))
        {
            return app;
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
        return app;
    }
}
