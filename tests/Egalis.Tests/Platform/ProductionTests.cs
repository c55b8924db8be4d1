using Egalis.Web.Features.Compte;
using System.Diagnostics;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

public class ProductionFactory : EgalisFactory
{
    protected override bool ComptesDemo => false;
    // Asked for, in Production: ignored.
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Egalis:ComptesDemo"] = "true" };
}

public class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Production_has_the_roles_and_no_demo_account()
    {
        _ = factory.Client();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var emails = await db.Users.Select(u => u.Email!).ToListAsync();
        Assert.DoesNotContain(emails, e => ComptesDemo.DemoAccounts.Any(d => d.Email == e));
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    /// <summary>The published application run as a process, as the README runs it: its exit code, output and errors.</summary>
    private static async Task<(int Code, string Sortie, string Erreurs)> LancerAsync(string[] arguments, Dictionary<string, string> environnement, string? entree = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Egalis.Web.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (cle, valeur) in environnement)
        {
            start.Environment[cle] = valeur;
        }
        using var process = Process.Start(start)!;
        if (entree is not null)
        {
            await process.StandardInput.WriteLineAsync(entree);
        }
        process.StandardInput.Close();
        var sortie = process.StandardOutput.ReadToEndAsync();
        var erreurs = process.StandardError.ReadToEndAsync();
        using var limite = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limite.Token);
        return (process.ExitCode, await sortie, await erreurs);
    }

    [Fact]
    public async Task Another_collectivites_files_are_checked_by_the_documented_command()
    {
        var environnement = Environnement("Production");
        environnement["Egalis__Profil"] = ProfilFictifFactory.Fichier;
        var (code, sortie, erreurs) = await LancerAsync([Egalis.Web.Features.Territoires.TerritoiresModule.CommandeVerifier], environnement);
        Assert.True(code == 0, erreurs);
        Assert.Equal("Profil valide : Communauté d'agglomération du Val Fictif (SIREN 249999999) ; 3 communes, 2 conseils de territoire, 1 quartier prioritaire ; plan sans délibération fondatrice.", sortie.Trim());

        // A QPV that names a commune the file of communes does not hold: said, and a failure code.
        var dossier = Directory.CreateTempSubdirectory("egalis-profil-").FullName;
        foreach (var fichier in Directory.EnumerateFiles(Path.GetDirectoryName(ProfilFictifFactory.Fichier)!))
        {
            File.Copy(fichier, Path.Combine(dossier, Path.GetFileName(fichier)));
        }
        File.WriteAllText(Path.Combine(dossier, "qpv.csv"), "code_qp,nom_qp,communes_insee,communes_noms,conseils_territoire_codes\nQN08490F,Quartier des Tilleuls,84999,Ailleurs,VN\n");
        environnement["Egalis__Profil"] = Path.Combine(dossier, "collectivite.json");
        var (codeFaux, _, erreursFaux) = await LancerAsync([Egalis.Web.Features.Territoires.TerritoiresModule.CommandeVerifier], environnement);
        Assert.Equal(1, codeFaux);
        Assert.Contains("Des quartiers prioritaires citent des communes absentes du fichier des communes : 84999.", erreursFaux);
        Directory.Delete(dossier, recursive: true);
    }

    private Dictionary<string, string> Environnement(string environnement) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = environnement,
        ["Egalis__UrlPublique"] = "https://egalis.exemple.fr",
        ["Database__Provider"] = factory.Database.Provider.ToString(),
        ["ConnectionStrings__Egalis"] = factory.Database.ConnectionString,
    };

    [Fact]
    public async Task The_first_admin_is_created_by_the_documented_command()
    {
        var (code, output, errors) = await LancerAsync([AdminCommand.Name, "--email", "premiere.admin@ampmetropole.fr", "--nom", "Première Admin"], Environnement("Production"), "une phrase de passe solide");
        Assert.True(code == 0, output + errors);
        Assert.Contains("Administrateur créé", output);
        using (var verification = factory.Services.CreateScope())
        {
            var emails = await verification.ServiceProvider.GetRequiredService<EgalisDbContext>().Users.Select(u => u.Email!).ToListAsync();
            Assert.DoesNotContain(emails, e => ComptesDemo.DemoAccounts.Any(d => d.Email == e));
        }

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var admin = await users.FindByEmailAsync("premiere.admin@ampmetropole.fr");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "une phrase de passe solide"));
    }

    /// <summary>
    /// A production command started as a development run (what `dotnet run` does through launchSettings.json)
    /// is refused before it touches the database, and the demo accounts asked for never reach it.
    /// </summary>
    [Fact]
    public async Task A_development_run_of_the_production_command_is_refused_and_seeds_nothing()
    {
        var environnement = Environnement("Development");
        environnement["Egalis__ComptesDemo"] = "true";
        var (code, _, errors) = await LancerAsync([AdminCommand.Name, "--email", "autre.admin@ampmetropole.fr", "--nom", "Autre Admin"], environnement, "une phrase de passe solide");
        Assert.Equal(2, code);
        Assert.Contains("creer-admin est une commande de production", errors);
        using var scope = factory.Services.CreateScope();
        var emails = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Users.Select(u => u.Email!).ToListAsync();
        Assert.DoesNotContain("autre.admin@ampmetropole.fr", emails);
        Assert.DoesNotContain(emails, e => ComptesDemo.DemoAccounts.Any(d => d.Email == e));
    }

    /// <summary>The site run as the README says, with one thing wrong: it stops at once, saying what to fix.</summary>
    [Theory]
    [InlineData("", "Sqlite", "Data Source={temp}/egalis.db", "Egalis:UrlPublique est obligatoire hors développement")]
    [InlineData("https://egalis.exemple.fr", "Sqlite", "Data Source=/proc/egalis/egalis.db", "le dossier de la base SQLite ne peut pas être créé")]
    [InlineData("https://egalis.exemple.fr", "Sqlite", "Data Source={temp}/lecture-seule.db;Mode=ReadOnly", "la base SQLite")]
    [InlineData("https://egalis.exemple.fr", "Postgres", "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=3", "PostgreSQL est injoignable")]
    public async Task A_start_up_problem_ends_with_one_clear_line_and_a_failure_code(string urlPublique, string fournisseur, string connexion, string attendu)
    {
        var temp = Directory.CreateTempSubdirectory("egalis-demarrage").FullName;
        if (connexion.Contains("lecture-seule", StringComparison.Ordinal))
        {
            await File.WriteAllBytesAsync(Path.Combine(temp, "lecture-seule.db"), []);
        }
        var (code, sortie, texte) = await LancerAsync(["--urls", "http://127.0.0.1:0"], new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Egalis__UrlPublique"] = urlPublique,
            ["Database__Provider"] = fournisseur,
            ["ConnectionStrings__Egalis"] = connexion.Replace("{temp}", temp, StringComparison.Ordinal),
        });
        Assert.Equal(1, code);
        Assert.StartsWith("Egalis ne démarre pas : ", texte);
        Assert.Contains(attendu, texte);
        Assert.DoesNotContain("   at ", texte + sortie);
        Directory.Delete(temp, recursive: true);
    }
}
