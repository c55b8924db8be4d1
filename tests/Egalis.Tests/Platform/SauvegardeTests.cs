using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Egalis.Tests.Platform;

/// <summary>
/// A backup is only one if it restores: the platform's database is saved as the README says (SQLite: the
/// « sauvegarder » command; PostgreSQL: pg_dump -Fc), restored into a fresh database, and a site started on it shows the
/// same register and budget, with the same audit log.
/// </summary>
public class SauvegardeTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static async Task<List<string>> JournalAsync(TestDatabase base_)
    {
        var options = new DbContextOptionsBuilder<EgalisDbContext>();
        DatabaseConfiguration.Configure(options, base_.Provider, base_.ConnectionString);
        await using var db = new EgalisDbContext(options.Options);
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => e.Id + " " + e.Qui + " " + e.Action + " " + e.Resume).ToListAsync();
    }

    private static async Task SauvegarderEtRestaurerAsync(TestDatabase source, TestDatabase cible)
    {
        if (source.Provider == DatabaseProvider.Sqlite)
        {
            await Backup.SqliteAsync(source.ConnectionString, new SqliteConnectionStringBuilder(cible.ConnectionString).DataSource);
            return;
        }
        var depart = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        var arrivee = new NpgsqlConnectionStringBuilder(cible.ConnectionString);
        var fichier = Path.Combine(Path.GetTempPath(), $"egalis-{Guid.NewGuid():N}.dump");
        try
        {
            string[] serveur = ["-h", depart.Host!, "-p", depart.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", depart.Username!];
            PostgresJetable.Executer(PostgresJetable.Outil("pg_dump"), [.. serveur, "-Fc", "-f", fichier, "-d", depart.Database!]);
            await using (var connexion = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres" }.ConnectionString))
            {
                await connexion.OpenAsync();
                await using var creation = new NpgsqlCommand($"CREATE DATABASE \"{arrivee.Database}\"", connexion);
                await creation.ExecuteNonQueryAsync();
            }
            PostgresJetable.Executer(PostgresJetable.Outil("pg_restore"), [.. serveur, "--no-owner", "--exit-on-error", "-d", arrivee.Database!, fichier]);
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    [Fact]
    public async Task A_backup_restores_into_a_fresh_database_with_the_same_register_budget_and_audit()
    {
        // Some life first: an action renamed (an audit line), read back from the public API.
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var form = await Formulaire.LireAsync(cheffe, "/plan/modifier/1.4");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(cheffe, new() { ["Input.Titre"] = "Titre gardé par la sauvegarde" })).StatusCode);
        var registre = await factory.Client().GetStringAsync("/api/v1/deliberations?parPage=500");
        var plan = await factory.Client().GetStringAsync("/api/v1/plan");
        var budget = await factory.Client().GetStringAsync("/api/v1/budget/2020");
        var journal = await JournalAsync(factory.Database);
        Assert.Contains(journal, l => l.Contains("Titre gardé par la sauvegarde", StringComparison.Ordinal));

        using var restauree = new TestDatabase();
        await SauvegarderEtRestaurerAsync(factory.Database, restauree);

        Assert.Equal(journal, await JournalAsync(restauree));
        using var site = new SecondNoeud(restauree);
        Assert.Equal(registre, await site.Client().GetStringAsync("/api/v1/deliberations?parPage=500"));
        Assert.Equal(plan, await site.Client().GetStringAsync("/api/v1/plan"));
        Assert.Contains("Titre gardé par la sauvegarde", plan);
        Assert.Equal(budget, await site.Client().GetStringAsync("/api/v1/budget/2020"));
        // The restored site runs: people sign in (their accounts and keys came back too).
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignedInAsAsync(Roles.ChefDeProjet)).GetAsync("/espace")).StatusCode);
    }
}
