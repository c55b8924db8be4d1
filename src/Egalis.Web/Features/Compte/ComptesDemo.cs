using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Compte;

/// <summary>
/// Creates the demo accounts listed in the README only when asked for
/// (<c>Egalis:ComptesDemo</c>, set in appsettings.Development.json), only in Development, and never in a
/// database that holds any other account: a production database can never receive them.
/// </summary>
public sealed class ComptesDemo(IHostEnvironment environment, IConfiguration configuration, ILogger<ComptesDemo> logger) : ISeeder
{
    public const string DemoPassword = "Egalis-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Nom, string Role, string? Territoire, string? Commune)> DemoAccounts =
    [
        ("admin@egalis.local", "Alice Admin", Roles.Admin, null, null),
        ("cheffe.projet@egalis.local", "Camille Chef de projet", Roles.ChefDeProjet, null, null),
        ("assistant@egalis.local", "Sam Assistant", Roles.Assistant, null, null),
        ("referent.paysdaix@egalis.local", "Rémi Référent Pays d'Aix", Roles.ReferentTerritoire, "CT2", null),
        ("referent.istres@egalis.local", "Inès Référente Istres", Roles.ReferentCommune, null, "13047"),
        ("instructeur@egalis.local", "Ivan Instructeur", Roles.Instructeur, null, null),
        ("expert@egalis.local", "Eva Experte", Roles.Expert, null, null),
        ("agent@egalis.local", "Aya Agente", Roles.Agent, null, null),
        ("porteur@egalis.local", "Paul Porteur (association)", Roles.Porteur, null, null),
        ("jeune@egalis.local", "Jade Jeune", Roles.Jeune, null, null),
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue("Egalis:ComptesDemo", false))
        {
            return;
        }
        if (!environment.IsDevelopment())
        {
            logger.LogWarning("Egalis:ComptesDemo est ignoré : les comptes de démonstration n'existent qu'en développement (environnement actuel : {Environnement}).", environment.EnvironmentName);
            return;
        }
        if (await AutreCompteAsync(db, ct))
        {
            logger.LogWarning("Egalis:ComptesDemo est ignoré : la base contient des comptes réels.");
            return;
        }
        await CreerComptesDemoAsync(db, services, ct);
    }

    /// <summary>True when the database holds an account that is not a demo one.</summary>
    public static async Task<bool> AutreCompteAsync(EgalisDbContext db, CancellationToken ct)
    {
        var demos = DemoAccounts.Select(d => d.Email.ToUpperInvariant()).ToList();
        return await db.Users.AnyAsync(u => !demos.Contains(u.NormalizedEmail!), ct);
    }

    /// <summary>Creates the demo accounts that are missing (the development seeder, and test hosts).</summary>
    public static async Task CreerComptesDemoAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<Utilisateur>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // The referents' scope is the Métropole's Pays d'Aix and Istres; another collectivité's first territory and commune.
        var territoires = await db.ConseilsTerritoire.OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(ct);
        var communes = await db.Communes.OrderBy(c => c.CodeInsee).Select(c => c.CodeInsee).ToListAsync(ct);
        foreach (var (email, nom, role, territoireVoulu, communeVoulue) in DemoAccounts)
        {
            var territoire = territoireVoulu is null ? null : territoires.Contains(territoireVoulu) ? territoireVoulu : territoires.FirstOrDefault();
            var commune = communeVoulue is null ? null : communes.Contains(communeVoulue) ? communeVoulue : communes.FirstOrDefault();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct))
            {
                continue;
            }
            var user = new Utilisateur { UserName = email, Email = email, EmailConfirmed = true, NomComplet = nom, ConseilTerritoireCode = territoire, CommuneCodeInsee = commune, CreeLe = now };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, role);
        }
    }
}
