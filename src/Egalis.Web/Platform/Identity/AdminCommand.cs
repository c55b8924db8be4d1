using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Identity;

/// <summary>
/// Creates the first administrator of a production installation, from the published application:
/// <c>ASPNETCORE_ENVIRONMENT=Production dotnet Egalis.Web.dll creer-admin --email prenom.nom@ampmetropole.fr --nom "Prénom Nom"</c>
/// The password is read from the standard input (or EGALIS_ADMIN_PASSWORD), never from the command line.
/// </summary>
public static class AdminCommand
{
    public const string Name = "creer-admin";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var email = Option("--email");
        var nom = Option("--nom");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(nom))
        {
            Console.Error.WriteLine("Usage : creer-admin --email adresse@exemple.fr --nom \"Prénom Nom\" (mot de passe lu sur l'entrée standard)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("EGALIS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.Write("Mot de passe (12 caractères au moins) : ");
            password = Console.ReadLine() ?? "";
        }

        // A development run (as `dotnet run` makes it through launchSettings.json) seeds demo accounts: never for a real administrator.
        if (app.Environment.IsDevelopment())
        {
            Console.Error.WriteLine("creer-admin est une commande de production : lancez l'application publiée avec ASPNETCORE_ENVIRONMENT=Production (voir le README), pas « dotnet run ».");
            return 2;
        }
        await app.Services.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var demo = ("@" + RolesSeeder.DomaineDemo).ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(demo)))
        {
            Console.Error.WriteLine("Cette base contient les comptes de démonstration : ce n'est pas une base de production. Utilisez une base neuve.");
            return 1;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            Console.Error.WriteLine($"Un compte existe déjà pour {email}.");
            return 1;
        }
        user = new Utilisateur { UserName = email, Email = email, EmailConfirmed = true, NomComplet = nom, CreeLe = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }
            return 1;
        }
        Console.WriteLine($"Administrateur créé : {email}. À la première connexion, la double authentification sera demandée.");
        return 0;
    }
}
