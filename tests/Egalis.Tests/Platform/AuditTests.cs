using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>The audit log reads as sentences: every record type has its words, and no line shows code.</summary>
public class AuditTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly HashSet<Type> Plomberie =
    [
        typeof(AuditEntry), typeof(DataProtectionKey), typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>), typeof(IdentityRoleClaim<string>),
        // Audited through the record whose state it changes, in the same save.
        typeof(Egalis.Web.Platform.Workflows.WorkflowStep),
        typeof(Egalis.Web.Platform.Jobs.JobRun),
        typeof(Egalis.Web.Platform.Caching.CacheChange),
    ];

    [Fact]
    public void Every_record_type_says_in_french_what_it_is()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var descriptions = scope.ServiceProvider.GetRequiredService<AuditDescriptions>().ByType;
        var sansMots = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.IsPropertyBag && !Plomberie.Contains(t.ClrType) && !descriptions.ContainsKey(t.ClrType))
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(sansMots.Count == 0, "Sans description d'audit : " + string.Join(", ", sansMots));
    }

    [Fact]
    public async Task No_line_shows_an_internal_id_a_type_name_or_a_stamp()
    {
        // The seeding of a fresh platform writes thousands of lines: none of them reads like code.
        using var scope = factory.Services.CreateScope();
        var lignes = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().AuditEntries.Select(e => e.Resume).ToListAsync();
        Assert.NotEmpty(lignes);
        var code = new Regex(@"System\.|=|\b[0-9a-f]{8}-[0-9a-f]{4}-|ConcurrencyStamp|SecurityStamp|PasswordHash|donnée technique|Id\b", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Empty(lignes.Where(l => code.IsMatch(l)).Take(5));
    }

    [Fact]
    public async Task The_module_filter_lists_every_declared_module()
    {
        var admin = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.Admin);
        var page = await admin.GetHtmlAsync("/administration/journal");
        foreach (var module in new[] { "Budget", "Comptes", "Délibérations", "Plan", "Plateforme", "Référentiel" })
        {
            Assert.Contains($"<option value=\"{module}\">{module}</option>", page);
        }
    }
}
