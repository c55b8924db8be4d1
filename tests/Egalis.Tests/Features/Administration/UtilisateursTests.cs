using Egalis.Web.Features.Administration.Pages;
using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Administration;

public class UtilisateursTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task An_admin_invites_a_referent_who_gets_an_email_and_an_audited_account()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var response = await EgalisFactory.PostFormAsync(admin, "/administration/utilisateur", new()
        {
            ["Input.NomComplet"] = "Violette Référente", ["Input.Email"] = "violette@vitrolles.fr",
            ["Input.Roles"] = Roles.ReferentCommune, ["Input.CommuneCodeInsee"] = "13117",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetHtmlAsync("/administration/utilisateurs?q=violette");
        Assert.Contains("Violette Référente", list);
        Assert.Contains("Commune : Vitrolles", list);

        var mail = await factory.Smtp.WaitForAsync("violette@vitrolles.fr");
        Assert.Equal("Votre compte Egalis", mail.Subject);
        Assert.Matches(@"http://localhost/compte/reinitialisermotdepasse\?userId=", mail.TextBody ?? "");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "violette@vitrolles.fr");
        Assert.Equal("13117", user.CommuneCodeInsee);
        var audit = await db.AuditEntries.Where(e => e.EntiteId == user.Id).ToListAsync();
        Assert.Contains(audit, e => e.Action == "création" && e.Qui == "Alice Admin (admin@egalis.local)"
            && e.Resume == "Création du compte de Violette Référente (violette@vitrolles.fr) (nom : Violette Référente, adresse : violette@vitrolles.fr, commune : 13117).");
        Assert.All(await db.AuditEntries.ToListAsync(), e => Assert.DoesNotContain("PasswordHash", e.Resume));
        Assert.Contains(await db.AuditEntries.Select(e => e.Resume).ToListAsync(), r => r == "Rôle « Référent d'une commune » attribué à Violette Référente (violette@vitrolles.fr).");
    }

    [Fact]
    [Soumet(typeof(UtilisateurModel))]
    public async Task A_referent_without_scope_is_refused_with_the_input_kept()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var response = await EgalisFactory.PostFormAsync(admin, "/administration/utilisateur", new()
        {
            ["Input.NomComplet"] = "Tom Territoire", ["Input.Email"] = "tom@exemple.fr", ["Input.Roles"] = Roles.ReferentTerritoire,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("Un référent de territoire doit avoir un conseil de territoire.", html);
        Assert.Contains("value=\"Tom Territoire\"", html);
        Assert.Matches("id=\"role-ReferentTerritoire\" checked", html);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Users.AnyAsync(u => u.Email == "tom@exemple.fr"));
    }

    [Fact]
    public async Task A_taken_address_is_refused()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var response = await EgalisFactory.PostFormAsync(admin, "/administration/utilisateur", new()
        {
            ["Input.NomComplet"] = "Doublon", ["Input.Email"] = "agent@egalis.local", ["Input.Roles"] = Roles.Agent,
        });
        Assert.Contains("Un compte existe déjà avec l'adresse « agent@egalis.local ».", await response.ReadHtmlAsync());
    }

    [Fact]
    public async Task Changing_roles_is_recorded_and_takes_effect()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var expert = await users.FindByEmailAsync("expert@egalis.local");
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var response = await EgalisFactory.PostFormAsync(admin, $"/administration/utilisateur?id={expert!.Id}", new()
        {
            ["Id"] = expert.Id, ["Input.NomComplet"] = "Eva Experte", ["Input.Email"] = "expert@egalis.local",
            ["Input.Roles"] = Roles.Instructeur,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reloaded = await scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync("expert@egalis.local");
        Assert.Equal([Roles.Instructeur], await users.GetRolesAsync(reloaded!));
        var journal = await admin.GetHtmlAsync("/administration/journal?Module=Comptes&Texte=Eva");
        Assert.Contains("Rôle « Expert du fonds » retiré à Eva Experte (expert@egalis.local).", journal);
        Assert.Contains("Rôle « Instructeur du fonds » attribué à Eva Experte (expert@egalis.local).", journal);
        Assert.DoesNotContain("AttributionRole", journal);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        db.AuditEntries.Add(new AuditEntry { Qui = "x", Entite = "y", EntiteId = "1", Action = "création", Resume = "", Quand = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
        entry.Resume = "réécrit";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(e => e.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Past the application, in the database itself: SQL that rewrites or deletes a line is refused.
        var id = entry.Id;
        var avant = (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id)).Resume;
        var reecriture = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"JournalAudit\" SET \"Resume\" = 'réécrit' WHERE \"Id\" = {id}"));
        Assert.Contains("Le journal d'audit ne se modifie pas", reecriture.Message);
        var effacement = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"JournalAudit\""));
        Assert.Contains("Le journal d'audit ne", effacement.Message);
        Assert.Equal(avant, (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id)).Resume);
        if (db.Database.IsNpgsql())
        {
            Assert.Contains("Le journal d'audit ne", (await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"JournalAudit\""))).Message);
        }
    }

    [Fact]
    public async Task The_audit_log_is_searchable_by_date_and_text()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await admin.GetHtmlAsync($"/administration/journal?Module=R%C3%A9f%C3%A9rentiel&Texte=Istres&Du={today}&Au={today}");
        Assert.Contains("Création de la commune Istres (13047)", html);
        Assert.Contains("<td>système</td><td>Référentiel</td>", html);
        var parPersonne = await admin.GetHtmlAsync("/administration/journal?Qui=personne-inconnue");
        Assert.Contains("Aucune ligne ne correspond.", parPersonne);
        Assert.Contains("Indiquez une date entre 2000 et 2100.", await admin.GetHtmlAsync("/administration/journal?Du=0001-01-01"));
        var bad = await admin.GetHtmlAsync("/administration/journal?Du=2026-12-01&Au=2026-11-01");
        Assert.Contains("La date de fin doit être après la date de début.", bad);
        Assert.Matches(new Regex("Lignes du journal \\(0\\)"), await admin.GetHtmlAsync("/administration/journal?Du=2001-01-01&Au=2001-01-02"));
    }
}

public class PaginationTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task The_second_page_of_the_audit_log_is_another_page()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var premiere = await admin.GetHtmlAsync("/administration/journal");
        var seconde = await admin.GetHtmlAsync("/administration/journal?p=2");
        Assert.Contains("aria-current=\"page\"><span class=\"visually-hidden\">Page </span>2</a>", seconde);
        Assert.DoesNotContain("Le formulaire contient", seconde);
        Assert.NotEqual(Regex.Match(premiere, "<tbody>.*?</tbody>", RegexOptions.Singleline).Value, Regex.Match(seconde, "<tbody>.*?</tbody>", RegexOptions.Singleline).Value);
        Assert.Contains("href=\"?Qui=&Module=&Texte=&Du=&Au=&p=3\"", seconde);
    }
}
