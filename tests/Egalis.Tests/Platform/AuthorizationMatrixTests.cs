using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>
/// Finds every page and API endpoint of the running application and checks anonymous
/// visitors and each role against the expected access. An endpoint missing from the
/// table fails the test: no new endpoint can escape it.
/// </summary>
public class AuthorizationMatrixTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly string[] Everyone = ["*"];
    private static readonly string[] SignedIn = ["connecté"];
    private static readonly string[] EquipePlan = [Roles.Admin, Roles.ChefDeProjet, Roles.Assistant];

    /// <summary>Values for route parameters, so that parameterised routes are reached for real.</summary>
    private static readonly Dictionary<string, string> RouteValues = new() { ["{documentname}"] = "v1", ["{code}"] = "1.1", ["{code?}"] = "TER-COMMUNES-QPV", ["{id:int}"] = "1", ["{annee:int}"] = "2020", ["{format:regex(^(csv|xlsx)$)}"] = "csv", ["{actesid}"] = "013-200054807-20191212-2019_CT2_587-DE" };

    /// <summary>Route pattern → who may GET it ("*" everyone, "connecté" any signed-in user, else roles).</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        [""] = Everyone,
        ["territoires"] = Everyone,
        ["accessibilite"] = Everyone,
        ["mentionslegales"] = Everyone,
        ["donneespersonnelles"] = Everyone,
        ["erreur"] = Everyone,
        ["compte/connexion"] = Everyone,
        ["compte/deconnexion"] = Everyone,
        ["compte/accesrefuse"] = Everyone,
        ["compte/motdepasseoublie"] = Everyone,
        ["compte/reinitialisermotdepasse"] = Everyone,
        ["compte/deuxfacteurs"] = Everyone,
        ["compte/securite"] = SignedIn,
        ["administration/utilisateurs"] = [Roles.Admin],
        ["administration/utilisateur"] = [Roles.Admin],
        ["administration/journal"] = [Roles.Admin],
        ["plan"] = Everyone,
        ["plan/action/{code}"] = Everyone,
        ["plan/modifier/{code}"] = EquipePlan,
        ["plan/pilotage"] = EquipePlan,
        ["plan/indicateurs"] = Everyone,
        ["plan/bilan/{annee:int}"] = Everyone,
        ["plan/import"] = EquipePlan,
        ["plan/statuts"] = EquipePlan,
        ["exports/plan-actions.{format:regex(^(csv|xlsx)$)}"] = Everyone,
        ["exports/plan-indicateurs.{format:regex(^(csv|xlsx)$)}"] = Everyone,
        ["exports/budget-{annee:int}.{format:regex(^(csv|xlsx)$)}"] = Everyone,
        ["plan/indicateur/{code?}"] = EquipePlan,
        ["api/v1/plan"] = Everyone,
        ["budget"] = EquipePlan,
        ["budget/engagements"] = EquipePlan,
        ["budget/engagement/{id:int}"] = EquipePlan,
        ["api/v1/budget/{annee:int}"] = Everyone,
        ["deliberations"] = Everyone,
        ["deliberations/acte/{id:int}"] = Everyone,
        ["deliberations/gestion"] = [Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.ReferentTerritoire],
        ["deliberations/import"] = [Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.ReferentTerritoire],
        // Id 1 is the Conseil de la Métropole (its session and act): out of a territory referent's scope.
        ["deliberations/assemblee/{id:int}"] = EquipePlan,
        ["deliberations/seance/{id:int}"] = EquipePlan,
        ["deliberations/point/{id:int}"] = EquipePlan,
        ["api/v1/deliberations"] = Everyone,
        ["api/v1/deliberations/{actesid}"] = Everyone,
        ["api/v1/opendata/deliberations.csv"] = Everyone,
        ["api/v1/communes"] = Everyone,
        ["api/v1/conseils-territoire"] = Everyone,
        ["api/v1/qpv"] = Everyone,
        ["api/v1/geo/lookup"] = Everyone,
        ["healthz"] = Everyone,
        ["openapi/{documentname}.json"] = Everyone,
    };

    private List<string> DiscoverEndpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            // Static files (css, js, lib) are public by nature and not application endpoints.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Where(e => e.RoutePattern.RawText?.Contains(":file}", StringComparison.Ordinal) != true)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => (e.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant())
            .Select(p => p.EndsWith("/index", StringComparison.Ordinal) ? p[..^"/index".Length] : p == "index" ? "" : p)
            .Distinct()
            .ToList();
    }

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var discovered = DiscoverEndpoints();
        var missing = discovered.Where(p => !Expected.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Endpoints absents de la matrice d'autorisation : " + string.Join(", ", missing));
        var stale = Expected.Keys.Where(k => !discovered.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Entrées de la matrice sans endpoint : " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Anonymous_and_each_role_get_exactly_the_expected_access()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonyme"] = factory.Client() };
        foreach (var role in Roles.All)
        {
            clients[role] = await factory.SignedInAsAsync(role);
        }
        var failures = new List<string>();
        foreach (var pattern in DiscoverEndpoints())
        {
            var url = "/" + RouteValues.Aggregate(pattern, (p, v) => p.Replace(v.Key, v.Value, StringComparison.Ordinal));
            foreach (var (who, client) in clients)
            {
                var allowed = Expected[pattern] switch
                {
                    ["*"] => true,
                    ["connecté"] => who != "anonyme",
                    var roles => roles.Contains(who),
                };
                var response = await client.GetAsync(url);
                var denied = IsDenied(response);
                if (allowed == denied)
                {
                    failures.Add($"{who} GET {url} → {(int)response.StatusCode} {response.Headers.Location} (attendu : {(allowed ? "autorisé" : "refusé")})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsDenied(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/compte/connexion?ReturnUrl", StringComparison.OrdinalIgnoreCase) || location.Contains("/compte/accesrefuse", StringComparison.OrdinalIgnoreCase));
    }
}
