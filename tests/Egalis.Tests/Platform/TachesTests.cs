using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Administration.Pages;
using Egalis.Web.Features.Compte;
using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>The scheduled jobs, as an administrator sees and runs them, and what they do.</summary>
public class TachesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    /// <summary>Waits for what a job writes when it ends (a job runs on the scheduler's threads), up to a deadline.</summary>
    internal static async Task<JobRun> ExecutionAsync(IServiceProvider services, string cle, long apres)
    {
        var limite = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
                if (await db.Set<JobRun>().AsNoTracking().Where(e => e.Cle == cle && e.Id > apres).OrderBy(e => e.Id).FirstOrDefaultAsync() is { } execution)
                {
                    return execution;
                }
            }
            Assert.True(DateTime.UtcNow < limite, $"La tâche {cle} n'a pas fini dans la minute.");
            await Task.Delay(100);
        }
    }

    private async Task<long> DerniereAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<JobRun>().MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<JobRun> LancerAsync(HttpClient admin, string cle)
    {
        var avant = await DerniereAsync();
        // Each job has its own small form (same action): the one of this job is the one holding its key.
        var page = await admin.GetHtmlAsync("/administration/taches");
        var section = page[page.IndexOf($"id=\"tache-{cle}\"", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("</section>", StringComparison.Ordinal) + "</section>".Length)];
        var lance = await Formulaire.Depuis(section, "/administration/taches", "?handler=Executer").EnvoyerAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, lance.StatusCode);
        return await ExecutionAsync(factory.Services, cle, avant);
    }

    [Fact]
    [Soumet(typeof(TachesModel), "Executer")]
    public async Task The_daily_check_flags_late_milestones_once_and_tells_the_plans_team()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var page = await admin.GetHtmlAsync("/administration/taches");
        Assert.Contains("Signale à l&#x27;équipe du plan les jalons passés en retard", page.Replace("'", "&#x27;"));
        Assert.Contains("chaque jour à 6 h", page);
        Assert.Contains("chaque nuit à 3 h", page);
        Assert.DoesNotContain("non planifiée", page);

        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        foreach (var (date, titre) in new[] { ("2024-02-01", "Réunion de lancement"), ("2025-05-20", "Rapport intermédiaire") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/1.2?handler=AjouterJalon",
                new() { ["NouveauJalon.Date"] = date, ["NouveauJalon.Titre"] = titre }, formPage: "/plan/modifier/1.2")).StatusCode);
        }
        var execution = await LancerAsync(admin, "jalons-en-retard");
        Assert.True(execution.Reussie, execution.Erreur);
        // The administrator, the team leader and the assistant: those who steer the whole plan.
        Assert.Equal("2 jalons signalés en retard à 3 personnes de l'équipe du plan.", execution.CompteRendu);
        var message = await factory.Smtp.WaitForAsync("cheffe.projet@egalis.local");
        Assert.Equal("Egalis : 2 jalons en retard", message.Subject);
        Assert.Contains("- Réunion de lancement (action 1.2", message.TextBody);
        Assert.Contains("prévu le 01/02/2024 : http://localhost/plan/modifier/1.2", message.TextBody);

        Assert.Equal("Aucun nouveau jalon en retard.", (await LancerAsync(admin, "jalons-en-retard")).CompteRendu);
        var apres = await admin.GetHtmlAsync("/administration/taches");
        Assert.Contains("Aucun nouveau jalon en retard.", apres);
    }

    [Fact]
    public async Task The_retention_job_forgets_what_is_past_its_period_and_nothing_else()
    {
        string ancien, recent;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var maintenant = DateTimeOffset.UtcNow;
            db.AuditEntries.AddRange(
                new AuditEntry { Qui = "Ancien Agent", Entite = "x", EntiteId = "1", Action = "création", Resume = "ligne de plus de cinq ans", Quand = maintenant.AddYears(-6) },
                new AuditEntry { Qui = "Agent Récent", Entite = "x", EntiteId = "2", Action = "création", Resume = "ligne de quatre ans", Quand = maintenant.AddYears(-4) });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            async Task<string> CompteAsync(string email, string nom, DateTimeOffset desactive)
            {
                var u = new Utilisateur { UserName = email, Email = email, NomComplet = nom, CreeLe = maintenant.AddYears(-3), DesactiveLe = desactive, ConseilTerritoireCode = "CT2" };
                Assert.True((await users.CreateAsync(u, ComptesDemo.DemoPassword)).Succeeded);
                await users.AddToRoleAsync(u, Roles.ReferentTerritoire);
                return u.Id;
            }
            ancien = await CompteAsync("parti.depuis.longtemps@exemple.fr", "Paul Parti", maintenant.AddMonths(-14));
            recent = await CompteAsync("parti.recemment@exemple.fr", "Rita Récente", maintenant.AddMonths(-3));
        }
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var execution = await LancerAsync(admin, RetentionJob.Cle);
        Assert.True(execution.Reussie, execution.Erreur);
        Assert.Contains("Journal des actions (qui, quand, quoi) : 1 ligne de plus de 5 ans effacée", execution.CompteRendu);
        Assert.Contains("Nom, adresse électronique, rôle et périmètre des comptes : 1 compte désactivé depuis plus d'un an anonymisé", execution.CompteRendu);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Resume == "ligne de plus de cinq ans"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Resume == "ligne de quatre ans"));
            var anonyme = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ancien);
            Assert.Equal(("Compte anonymisé", $"anonyme-{ancien}@anonyme.invalid", null, null), (anonyme.NomComplet, anonyme.Email, anonyme.ConseilTerritoireCode, anonyme.PasswordHash));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == ancien));
            Assert.Equal("Rita Récente", (await db.Users.AsNoTracking().SingleAsync(u => u.Id == recent)).NomComplet);
            // A line younger than 5 years cannot be deleted, even by SQL.
            var refus = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"JournalAudit\" WHERE \"Resume\" = 'ligne de quatre ans'"));
            Assert.Contains("ne s'efface pas avant 5 ans", refus.Message);
            // The anonymisation is told without naming the person.
            var lignes = await db.AuditEntries.AsNoTracking().Where(e => e.EntiteId == ancien).Select(e => e.Resume).ToListAsync();
            Assert.Contains("Compte anonymisé au terme de sa durée de conservation (un an après sa désactivation) : nom, adresse, périmètre et rôles effacés.", lignes);
            Assert.DoesNotContain(lignes.Where(l => l.StartsWith("Compte anonymisé", StringComparison.Ordinal)), l => l.Contains("Paul Parti", StringComparison.Ordinal) || l.Contains("parti.depuis", StringComparison.Ordinal));
        }
        Assert.Contains("1 compte désactivé depuis plus d", (await admin.GetHtmlAsync("/administration/taches")).Replace("&#x27;", "'"));

        // The public page says what is kept, why and how long, from the same declarations.
        var donnees = await factory.Client().GetHtmlAsync("/donneespersonnelles");
        Assert.Contains("<tr><td>Nom, adresse électronique, rôle et périmètre des comptes</td><td>Accès sécurisé à la plateforme</td><td>Durée d&#x27;activité du compte, puis 1 an ; 7 jours pour un compte créé en ligne et jamais confirmé</td></tr>", donnees.Replace("'", "&#x27;"));
        Assert.Contains("<tr><td>Journal des actions (qui, quand, quoi)</td><td>Traçabilité des décisions et sécurité</td><td>5 ans</td></tr>", donnees);
    }
}
