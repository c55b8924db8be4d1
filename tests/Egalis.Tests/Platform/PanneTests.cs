using System.Data.Common;
using System.Net;
using Egalis.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>
/// The database failing under the site, as the provider reports it (« unable to open database file », a
/// connection refused by PostgreSQL): the failure is raised by the data layer when a switch is on.
/// The real stop and restart of PostgreSQL under load belongs to the load scenario.
/// </summary>
public class PanneFactory : EgalisFactory
{
    public Coupure Coupure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<Egalis.Web.Platform.Data.EgalisDbContext>(o => o.AddInterceptors(Coupure)));
    }
}

public sealed class Coupure : DbCommandInterceptor
{
    public volatile bool Active;
    /// <summary>Reads work, writes fail: a database file made read-only under the running site.</summary>
    public volatile bool LectureSeule;

    private Exception Erreur() => new SqliteException("unable to open database file", 14);

    private static Exception EcritureRefusee() => new SqliteException("attempt to write a readonly database", 8);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
        Active ? throw Erreur()
        : LectureSeule && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? throw EcritureRefusee()
        : base.ReaderExecutingAsync(command, eventData, result, ct);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
        Active ? throw Erreur() : LectureSeule ? throw EcritureRefusee() : base.NonQueryExecutingAsync(command, eventData, result, ct);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default) =>
        Active ? throw Erreur() : base.ScalarExecutingAsync(command, eventData, result, ct);
}

public class PanneTests(PanneFactory factory) : IClassFixture<PanneFactory>
{
    [Fact]
    public async Task During_an_outage_pages_and_api_answer_503_with_retry_after_and_the_site_recovers()
    {
        var cheffe = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.ChefDeProjet);
        var anonyme = factory.Client();
        factory.Coupure.Active = true;
        try
        {
            var page = await anonyme.GetAsync("/deliberations");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("30", page.Headers.GetValues("Retry-After").Single());
            Assert.Contains("Service momentanément indisponible", await page.ReadHtmlAsync());
            var api = await anonyme.GetAsync("/api/v1/plan");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            // A signed-in person too: the page needs no database to say so.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await cheffe.GetAsync("/plan/pilotage")).StatusCode);
            var sante = await anonyme.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, sante.StatusCode);
        }
        finally
        {
            factory.Coupure.Active = false;
        }
        Assert.Equal(HttpStatusCode.OK, (await anonyme.GetAsync("/deliberations")).StatusCode);
        Assert.Equal("ok", await anonyme.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task A_read_only_database_fails_the_health_check_and_writes_answer_503_while_reading_works()
    {
        var cheffe = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.ChefDeProjet);
        var form = await Formulaire.LireAsync(cheffe, "/plan/indicateur");
        factory.Coupure.LectureSeule = true;
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.Client().GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync("/plan")).StatusCode);
            var ecriture = await form.EnvoyerAsync(cheffe, new() { ["Definition.Code"] = "LECTURE-SEULE", ["Definition.Libelle"] = "Essai", ["Definition.Unite"] = "u" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ecriture.StatusCode);
        }
        finally
        {
            factory.Coupure.LectureSeule = false;
        }
        Assert.Equal("ok", await factory.Client().GetStringAsync("/healthz"));
        Assert.DoesNotContain("LECTURE-SEULE", await cheffe.GetStringAsync("/plan/indicateurs"));
    }
}
