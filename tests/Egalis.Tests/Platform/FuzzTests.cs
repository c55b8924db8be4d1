using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>
/// Bad values everywhere: every query parameter the API documents and the pages read, and every field of
/// every form the pages render, receive a fixed corpus of bad values. No answer may be a 5xx; a failure
/// prints the request. Bounded: a fixed corpus, a fixed set of pages, a time limit.
/// </summary>
public class FuzzTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    /// <summary>The corpus: empty, long, control and invisible characters, markup, SQL, numbers and dates at the edges, wrong enum values.</summary>
    public static readonly IReadOnlyList<string> Corpus =
    [
        "",
        new string('a', 10_000),
        "\u0001\u0007\u001b[31m",
        "\u202Eabc\u200B\u200D",
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE \"Seances\"; --",
        "-1",
        "99999999999999999999999999",
        "NaN",
        "Infinity",
        "1e308",
        "0001-01-01",
        "9999-12-31",
        "ValeurInconnue",
        "../../etc/passwd",
    ];

    /// <summary>Query parameters the pages read from the URL (their GET-bound properties).</summary>
    private static readonly string[] ParametresDePages = ["p", "annee", "assemblee", "Texte", "Du", "Au", "Qui", "Module", "Q", "q", "id", "code", "ReturnUrl", "handler"];

    /// <summary>Pages whose forms are fuzzed, as the plan's team and the administrator see them.</summary>
    private static readonly string[] PagesAFormulaires =
    [
        "/plan/modifier/1.1", "/plan/indicateur", "/plan/indicateur/TER-COMMUNES-QPV", "/plan/statuts", "/plan/import",
        "/budget?annee=2020", "/budget/engagements?annee=2020",
        "/deliberations/gestion", "/deliberations/import", "/deliberations/assemblee/4", "/deliberations/seance/2", "/deliberations/point/2",
        "/administration/utilisateur", "/compte/motdepasseoublie", "/compte/connexion",
    ];

    private static void Verifier(HttpResponseMessage reponse, string requete, List<string> echecs)
    {
        if ((int)reponse.StatusCode >= 500)
        {
            echecs.Add($"{(int)reponse.StatusCode} ← {requete}");
        }
    }

    private static string Court(string valeur) => valeur.Length > 40 ? $"{valeur[..20]}…({valeur.Length} car.)" : valeur;

    [Fact]
    public async Task No_bad_value_in_any_parameter_or_field_gets_a_server_error()
    {
        using var limite = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var echecs = new List<string>();
        var requetes = 0;
        var admin = await factory.SignedInAsAsync(Roles.Admin);

        // 1. Every GET route, with each query parameter it may read.
        var api = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            // Static files (css, js, fonts and their compressed copies) are served by the framework: not our parameters.
            .Where(r => !r.Contains('{', StringComparison.Ordinal) && !r.StartsWith("/openapi", StringComparison.Ordinal) && !r.Contains("deconnexion", StringComparison.Ordinal)
                && !r.StartsWith("/css/", StringComparison.Ordinal) && !r.StartsWith("/js/", StringComparison.Ordinal) && !r.StartsWith("/lib/", StringComparison.Ordinal) && !r.StartsWith("/fonts/", StringComparison.Ordinal))
            .Distinct().Order().ToList();
        foreach (var route in routes)
        {
            var parametres = api.TryGetProperty(route, out var chemin) && chemin.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var ps)
                ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToArray()
                : route.StartsWith("/api", StringComparison.Ordinal) ? [] : ParametresDePages;
            foreach (var nom in parametres)
            {
                foreach (var valeur in Corpus.Where(v => v.Length < 2_000))
                {
                    var url = $"{route}?{Uri.EscapeDataString(nom)}={Uri.EscapeDataString(valeur)}";
                    Verifier(await admin.GetAsync(url, limite.Token), $"GET {url[..Math.Min(url.Length, 200)]}", echecs);
                    requetes++;
                }
            }
        }

        // 2. Every field of every form those pages render, one at a time; then each field missing, and each doubled.
        foreach (var page in PagesAFormulaires)
        {
            var html = await admin.GetStringAsync(page, limite.Token);
            foreach (var action in Formulaire.Actions(html, page).Where(a => !a.Contains("deconnexion", StringComparison.Ordinal)))
            {
                var form = Formulaire.Depuis(html, page, action);
                foreach (var champ in form.Champs.Where(c => c != "__RequestVerificationToken"))
                {
                    foreach (var valeur in Corpus)
                    {
                        Verifier(await form.EnvoyerAsync(admin, new() { ["!" + champ] = valeur }), $"POST {action} {champ}={Court(valeur)}", echecs);
                        requetes++;
                    }
                    Verifier(await form.EnvoyerAsync(admin, new() { ["!" + champ] = null }), $"POST {action} sans {champ}", echecs);
                    Verifier(await form.EnvoyerAvecDoublonAsync(admin, champ, "1"), $"POST {action} {champ} en double", echecs);
                    requetes += 2;
                }
            }
        }
        // One example per kind of request, then the count: a failure reads at a glance.
        var exemples = echecs.GroupBy(e => string.Join(' ', e.Split(' ').Take(4)).Split('=')[0]).Select(g => $"{g.First()}  (×{g.Count()})");
        Assert.True(echecs.Count == 0, $"{echecs.Count} réponses 5xx sur {requetes} requêtes :\n" + string.Join("\n", exemples.Take(60)));
        Assert.True(requetes >= 5_000, $"{requetes} requêtes seulement");
    }
}
