using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Egalis.Tests.Platform;

/// <summary>
/// PostgreSQL stopped as by a crash while people are saving, then started again: every save the site acknowledged is
/// there, none is half-done, pages answer 503 meanwhile, and the site works again without being restarted. The server
/// is one of the test's own (the others' server stays up), so the test runs in both passes of test.sh.
/// </summary>
public class RedemarrageTests
{
    [Fact]
    public async Task A_database_restart_loses_no_acknowledged_write_and_the_site_recovers_by_itself()
    {
        using var serveur = new PostgresJetable();
        var base_ = new TestDatabase(serveur.Serveur);
        try
        {
            using var site = new SecondNoeud(base_);
            var cheffe = await site.SignedInAsAsync(Roles.ChefDeProjet);
            var acquittes = new List<int>();
            var refuses = 0;

            async Task EnregistrerAsync(int n)
            {
                try
                {
                    var form = await Formulaire.LireAsync(cheffe, "/plan/modifier/1.5");
                    var reponse = await form.EnvoyerAsync(cheffe, new() { ["Input.Titre"] = $"Titre enregistré n° {n}" });
                    if (reponse.StatusCode == HttpStatusCode.Redirect)
                    {
                        acquittes.Add(n);
                        return;
                    }
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, reponse.StatusCode);
                }
                catch (HttpRequestException)
                {
                    // Reading the form failed (503): nothing was sent.
                }
                refuses++;
            }

            for (var n = 1; n <= 10; n++)
            {
                await EnregistrerAsync(n);
            }
            Assert.Equal(10, acquittes.Count);

            // A form read before the outage, sent during it: the save is refused whole.
            var formulaire = await Formulaire.LireAsync(cheffe, "/plan/modifier/1.5");
            serveur.Arreter();
            var pendant = await formulaire.EnvoyerAsync(cheffe, new() { ["Input.Titre"] = "Titre envoyé pendant la panne" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, pendant.StatusCode);
            Assert.Contains("Service momentanément indisponible", await pendant.Content.ReadAsStringAsync());
            for (var n = 11; n <= 15; n++)
            {
                await EnregistrerAsync(n);
            }
            Assert.Equal(5, refuses);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await site.Client().GetAsync("/healthz")).StatusCode);
            var page = await cheffe.GetAsync("/plan/pilotage");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Service momentanément indisponible", await page.Content.ReadAsStringAsync());

            serveur.Demarrer();
            // The pool's connections died with the server: the site opens new ones by itself, without a restart.
            var limite = DateTime.UtcNow.AddSeconds(60);
            while ((await site.Client().GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < limite, "Le site ne s'est pas remis du redémarrage de la base en une minute.");
                await Task.Delay(200);
            }
            for (var n = 16; n <= 20; n++)
            {
                await EnregistrerAsync(n);
            }
            Assert.Equal(15, acquittes.Count);

            // Every acknowledged save is in the audit log, in the same transaction as the change itself; the title
            // recorded is the last one the log describes: nothing half-done.
            NpgsqlConnection.ClearAllPools();
            var options = new DbContextOptionsBuilder<EgalisDbContext>();
            DatabaseConfiguration.Configure(options, DatabaseProvider.Postgres, base_.ConnectionString);
            await using var db = new EgalisDbContext(options.Options);
            var lignes = await db.AuditEntries.AsNoTracking().Where(e => e.Resume.Contains("Titre enregistré n° ")).OrderBy(e => e.Id).Select(e => e.Resume).ToListAsync();
            foreach (var n in acquittes)
            {
                Assert.Contains(lignes, l => l.Contains($"« Titre enregistré n° {n} »", StringComparison.Ordinal));
            }
            var titre = await db.Set<Egalis.Web.Features.Plan.ElementPlan>().Where(e => e.Code == "1.5").Select(e => e.Titre).SingleAsync();
            Assert.Equal("Titre enregistré n° 20", titre);
            Assert.Contains("« Titre enregistré n° 20 »", lignes[^1]);
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Resume.Contains("Titre envoyé pendant la panne")));
        }
        finally
        {
            base_.Dispose();
        }
    }
}
