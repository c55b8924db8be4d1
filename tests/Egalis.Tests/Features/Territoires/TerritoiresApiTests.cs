using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Territoires;

public class TerritoiresApiTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Communes_lists_the_92_with_territory_and_qpv()
    {
        var communes = await GetJsonAsync("/api/v1/communes");
        Assert.Equal(92, communes.GetArrayLength());
        var marseille = communes.EnumerateArray().Single(c => c.GetProperty("codeInsee").GetString() == "13055");
        Assert.Equal("Marseille", marseille.GetProperty("nom").GetString());
        Assert.Equal("13", marseille.GetProperty("departement").GetString());
        Assert.True(marseille.GetProperty("population").GetInt32() > 800_000);
        Assert.Equal("CT1", marseille.GetProperty("conseilTerritoire").GetProperty("code").GetString());
        Assert.Equal("Marseille Provence", marseille.GetProperty("conseilTerritoire").GetProperty("nom").GetString());
        Assert.Equal(41, marseille.GetProperty("qpv").GetArrayLength());
        var pertuis = communes.EnumerateArray().Single(c => c.GetProperty("codeInsee").GetString() == "84089");
        Assert.Equal("84", pertuis.GetProperty("departement").GetString());
        Assert.Equal(66, communes.EnumerateArray().SelectMany(c => c.GetProperty("qpv").EnumerateArray()).Select(q => q.GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Conseils_territoire_lists_the_6_with_their_communes()
    {
        var territoires = await GetJsonAsync("/api/v1/conseils-territoire");
        Assert.Equal(6, territoires.GetArrayLength());
        var counts = territoires.EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("communes").GetArrayLength());
        Assert.Equal(new Dictionary<string, int> { ["CT1"] = 18, ["CT2"] = 36, ["CT3"] = 17, ["CT4"] = 12, ["CT5"] = 6, ["CT6"] = 3 }, counts);
    }

    [Fact]
    public async Task Qpv_lists_the_66_with_their_communes()
    {
        var qpvs = await GetJsonAsync("/api/v1/qpv");
        Assert.Equal(66, qpvs.GetArrayLength());
        var escourtines = qpvs.EnumerateArray().Single(q => q.GetProperty("code").GetString() == "QN01341I");
        Assert.Equal(["13055", "13070"], escourtines.GetProperty("communes").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public async Task Lookup_of_a_point_in_a_qpv_names_commune_territory_and_qpv()
    {
        var qpv = ReferenceData.Load().Qpvs.First(q => q.Code == "QN01301M");
        var p = qpv.Geometrie.InteriorPoint;
        var found = await GetJsonAsync(FormattableString.Invariant($"/api/v1/geo/lookup?lat={p.Y}&lon={p.X}"));
        Assert.Equal("13054", found.GetProperty("commune").GetProperty("codeInsee").GetString());
        Assert.Equal("Marignane", found.GetProperty("commune").GetProperty("nom").GetString());
        Assert.Equal("CT1", found.GetProperty("conseilTerritoire").GetProperty("code").GetString());
        Assert.Equal("QN01301M", found.GetProperty("qpv").GetProperty("code").GetString());
        Assert.Equal("Florida Parc", found.GetProperty("qpv").GetProperty("nom").GetString());
    }

    [Fact]
    public async Task Lookup_outside_the_metropole_returns_nulls()
    {
        var found = await GetJsonAsync("/api/v1/geo/lookup?lat=48.8566&lon=2.3522");
        Assert.Equal(JsonValueKind.Null, found.GetProperty("commune").ValueKind);
        Assert.Equal(JsonValueKind.Null, found.GetProperty("conseilTerritoire").ValueKind);
        Assert.Equal(JsonValueKind.Null, found.GetProperty("qpv").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/geo/lookup", "lat")]
    [InlineData("/api/v1/geo/lookup?lat=43.3", "lon")]
    [InlineData("/api/v1/geo/lookup?lat=abc&lon=5.4", "lat")]
    [InlineData("/api/v1/geo/lookup?lat=43,3&lon=5.4", "lat")]
    [InlineData("/api/v1/geo/lookup?lat=91&lon=5.4", "lat")]
    [InlineData("/api/v1/geo/lookup?lat=43.3&lon=-180.5", "lon")]
    [InlineData("/api/v1/geo/lookup?lat=NaN&lon=5.4", "lat")]
    public async Task Lookup_with_bad_coordinates_is_a_400_problem(string url, string field)
    {
        var response = await factory.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.Contains(field, messages[0].GetString());
    }

    [Fact]
    public async Task Openapi_document_describes_the_reference_api()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/communes", "/api/v1/conseils-territoire", "/api/v1/qpv", "/api/v1/geo/lookup" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task Health_check_answers_when_the_database_does()
    {
        var response = await factory.Client().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var before = (await db.Communes.CountAsync(), await db.Qpvs.CountAsync(), await db.Set<QpvCommune>().CountAsync(), await db.AuditEntries.CountAsync());
        await ReferenceSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<ReferenceData>(), scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Collectivite.ProfilCollectivite>());
        await scope.ServiceProvider.InitializeDatabaseAsync();
        var after = (await db.Communes.CountAsync(), await db.Qpvs.CountAsync(), await db.Set<QpvCommune>().CountAsync(), await db.AuditEntries.CountAsync());
        Assert.Equal((92, 66, 67), (after.Item1, after.Item2, after.Item3));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Seeding_repairs_a_changed_row()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var istres = await db.Communes.SingleAsync(c => c.CodeInsee == "13047");
        istres.Nom = "Nom altéré";
        await db.SaveChangesAsync();
        await ReferenceSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<ReferenceData>(), scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Collectivite.ProfilCollectivite>());
        db.ChangeTracker.Clear();
        Assert.Equal("Istres", (await db.Communes.SingleAsync(c => c.CodeInsee == "13047")).Nom);
    }

    [Fact]
    public async Task Territoires_page_lists_communes_of_a_territory()
    {
        var html = await factory.Client().GetStringAsync("/territoires?territoire=CT6");
        Assert.Contains("Martigues", html);
        Assert.Contains("Port-de-Bouc", html);
        Assert.DoesNotContain("Vitrolles</th>", html);
        Assert.Contains("Communes (3)", html);
    }

    [Fact]
    public async Task Communes_are_listed_in_french_alphabetical_order()
    {
        var html = await factory.Client().GetStringAsync("/territoires?territoire=CT2");
        // An accented initial sorts with its letter, whatever the database's collation.
        Assert.True(html.IndexOf(">Éguilles<", StringComparison.Ordinal) < html.IndexOf(">Fuveau<", StringComparison.Ordinal));
        Assert.True(html.IndexOf(">Fuveau<", StringComparison.Ordinal) < html.IndexOf(">Vitrolles<", StringComparison.Ordinal));
    }
}
