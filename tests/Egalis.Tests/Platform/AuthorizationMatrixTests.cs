using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>
/// Finds every page handler (GET and each POST handler) and every API route and verb of the running application and
/// tries anonymous visitors and each role against the expected access, then the record checks (an assembly of the
/// referent's own territory, and of another one). An endpoint or a handler missing from the table fails the test:
/// nothing new can escape it.
/// </summary>
public partial class AuthorizationMatrixTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly string[] Everyone = ["*"];
    private static readonly string[] SignedIn = ["connecté"];
    /// <summary>Only the operator's monitoring, with its token (ObservabiliteTests): no person, whatever their role.</summary>
    private static readonly string[] Operateur = ["jeton"];
    private static readonly string[] EquipePlan = [Roles.Admin, Roles.ChefDeProjet, Roles.Assistant];
    private static readonly string[] Instruction = [Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.Instructeur, Roles.ReferentTerritoire];
    private static readonly string[] Secretariat = [Roles.Admin, Roles.ChefDeProjet, Roles.Assistant, Roles.ReferentTerritoire];

    private static readonly string[] AssembleeHandlers = ["", "Mandat", "VerifierMembres", "ImporterMembres"];
    private static readonly string[] SeanceHandlers = ["Bureau", "Point", "Modifier", "Supprimer"];
    private static readonly string[] PointHandlers = ["Presences", "Vote", "PriseActe", "Signer", "Transmission", "Piece", "Rectification", "Modifier", "Supprimer", "AnnulerImport", "Lien", "LienActe"];

    /// <summary>Values for route parameters, so that parameterised routes are reached for real.</summary>
    private static readonly Dictionary<string, string> RouteValues = new() { ["{documentname}"] = "v1", ["{code}"] = "1.1", ["{code?}"] = "TER-COMMUNES-QPV", ["{id:int}"] = "1", ["{id:int?}"] = "1", ["{id:guid}"] = "00000000-0000-0000-0000-000000000001", ["{annee:int}"] = "2020", ["{format:regex(^(csv|xlsx)$)}"] = "csv", ["{actesid}"] = "013-200054807-20191212-2019_CT2_587-DE" };

    /// <summary>« VERB route[?handler=Name] » → who may call it ("*" everyone, "connecté" any signed-in user, else roles).</summary>
    private static readonly Dictionary<string, string[]> Expected = Table(
        Page("", Everyone),
        Page("territoires", Everyone),
        Page("accessibilite", Everyone),
        Page("mentionslegales", Everyone),
        Page("donneespersonnelles", Everyone),
        Page("donneesouvertes", Everyone),
        Page("erreur", Everyone, ""),
        Page("compte/connexion", Everyone, ""),
        Page("compte/deconnexion", Everyone, ""),
        Page("compte/accesrefuse", Everyone),
        Page("compte/motdepasseoublie", Everyone, ""),
        Page("compte/inscription", Everyone, ""),
        Page("compte/reinitialisermotdepasse", Everyone, ""),
        Page("compte/deuxfacteurs", Everyone, "", "Secours"),
        Page("compte/securite", SignedIn, "", "CodesSecours"),
        Page("espace", SignedIn),
        Page("administration/utilisateurs", [Roles.Admin]),
        Page("administration/utilisateur", [Roles.Admin], "", "Desactiver", "Reactiver", "RenvoyerInvitation", "ReinitialiserDoubleAuthentification"),
        Page("administration/journal", [Roles.Admin]),
        Page("administration/taches", [Roles.Admin], "Executer"),
        Page("plan", Everyone),
        Page("plan/action/{code}", Everyone),
        Page("plan/modifier/{code}", EquipePlan, "", "AjouterJalon", "JalonAtteint", "SupprimerJalon", "AjouterSousAction"),
        Page("plan/pilotage", EquipePlan, "Axe"),
        Page("plan/indicateurs", Everyone),
        Page("plan/bilan/{annee:int}", Everyone),
        Page("plan/import", EquipePlan, "", "Appliquer"),
        Page("plan/statuts", EquipePlan, "", "Supprimer"),
        Page("plan/indicateur/{code?}", EquipePlan, "", "Cible", "Valeur"),
        Api("GET", "exports/plan-actions.{format:regex(^(csv|xlsx)$)}", Everyone),
        Api("GET", "exports/plan-indicateurs.{format:regex(^(csv|xlsx)$)}", Everyone),
        Api("GET", "exports/budget-{annee:int}.{format:regex(^(csv|xlsx)$)}", Everyone),
        Api("GET", "api/v1/plan", Everyone),
        Page("budget", EquipePlan, "Allouer", "Crediter", "Ligne"),
        Page("budget/engagements", EquipePlan, ""),
        Page("budget/engagement/{id:int}", EquipePlan, "Mandater", "Annuler"),
        Api("GET", "api/v1/budget/{annee:int}", Everyone),
        Page("deliberations", Everyone),
        Page("deliberations/acte/{id:int}", Everyone),
        Page("deliberations/gestion", Secretariat, ""),
        // A commission is created by those who run every assembly, not by a territory's referent.
        Api("POST", "deliberations/gestion?handler=Commission", EquipePlan),
        Page("deliberations/import", Secretariat, "Lire", "Enregistrer"),
        // Id 1 is the Conseil de la Métropole (its session and act): out of a territory referent's scope.
        Page("deliberations/assemblee/{id:int}", EquipePlan, AssembleeHandlers),
        Page("deliberations/seance/{id:int}", EquipePlan, SeanceHandlers),
        Page("deliberations/point/{id:int}", EquipePlan, PointHandlers),
        Page("fonds", Everyone),
        // Id 1 is not a published call: a 404 for everyone, the team included (a draft is never public).
        Page("fonds/appel/{id:int}", Everyone),
        Page("fonds/gestion", EquipePlan, "PlanLocal", "Retirer"),
        Page("fonds/organisations", [Roles.Porteur], ""),
        // Organisation 1 does not exist: a member's page, « introuvable » for anyone else (OrganisationsTests).
        Page("fonds/organisation/{id:int}", [Roles.Porteur], "", "Inviter", "Representant", "Retirer", "Piece", "Revoquer"),
        Page("fonds/rejoindre", [Roles.Porteur], ""),
        // Call 1 and dossier 1 do not exist: « introuvable » for whoever may reach the page (DossiersTests checks the records).
        Page("fonds/depot", [Roles.Porteur], ""),
        Page("fonds/dossier/{id:int}", [Roles.Porteur], "", "Auto", "Deposer", "Message", "Adresse"),
        Page("fonds/dossier/{id:int}/compte-rendu", [Roles.Porteur], "", "Deposer"),
        Page("fonds/instruction", Instruction, "Groupe"),
        // Labels are created by the fund's team; instructors put them on dossiers.
        Api("POST", "fonds/instruction?handler=Etiquette", EquipePlan),
        Api("GET", "fonds/instruction/export.{format:regex(^(csv|xlsx)$)}", Instruction),
        Page("fonds/instruction/dossier/{id:int}", Instruction, "Etape", "Noter", "Message", "Annoter", "Suivre", "Avis", "AvisRelancer", "AvisRevoquer"),
        // Opinion 1 does not exist: « introuvable » for anyone signed in (EchangesTests checks the invited address).
        Page("fonds/avis/{id:int}", SignedIn, ""),
        Page("fonds/gestion/appel/{id:int?}", EquipePlan, "", "Statut", "Comite"),
        Page("fonds/gestion/comite/{id:int}", EquipePlan, ""),
        // Dossier 1 is not granted: a 404 for the team (SuiviTests follows a grant).
        Page("fonds/gestion/subvention/{id:int}", EquipePlan, "Preparer", "Envoyer", "Signer", "Verifier", "Verser"),
        Api("GET", "api/v1/deliberations", Everyone),
        Api("GET", "api/v1/deliberations/{actesid}", Everyone),
        Api("GET", "api/v1/opendata/deliberations.csv", Everyone),
        Api("GET", "api/v1/opendata/subventions.csv", Everyone),
        Api("GET", "api/v1/opendata/subventions.json", Everyone),
        Api("GET", "api/v1/communes", Everyone),
        Api("GET", "api/v1/conseils-territoire", Everyone),
        Api("GET", "api/v1/qpv", Everyone),
        Api("GET", "api/v1/geo/lookup", Everyone),
        Api("GET", "healthz", Everyone),
        Api("GET", "metrics", Operateur),
        Api("GET", "openapi/{documentname}.json", Everyone),
        // Files: the route is open, each file's record decides who reads it (FichiersTests); an unknown file is a 404.
        Api("GET", "fichiers/{id:guid}", Everyone),
        // Addresses that lead nowhere: a 404 for everyone.
        Api("GET", "{*chemin}", Everyone));

    private static IEnumerable<(string, string[])> Page(string route, string[] who, params string[] postHandlers) =>
        new[] { ("GET " + route, who) }.Concat(postHandlers.Select(h => ("POST " + route + (h == "" ? "" : "?handler=" + h), who)));

    private static IEnumerable<(string, string[])> Api(string verb, string route, string[] who) => [(verb + " " + route, who)];

    private static Dictionary<string, string[]> Table(params IEnumerable<(string, string[])>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>Every « VERB route[?handler=Name] » the application answers.</summary>
    private async Task<List<string>> DiscoverAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var found = new List<string>();
        foreach (var endpoint in factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            // Static files (css, js, lib) are public by nature and not application endpoints.
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
                || endpoint.RoutePattern.RawText?.Contains(":file}", StringComparison.Ordinal) == true)
            {
                continue;
            }
            var route = (endpoint.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant();
            route = route.EndsWith("/index", StringComparison.Ordinal) ? route[..^"/index".Length] : route == "index" ? "" : route;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                found.Add("GET " + route);
                found.AddRange(compiled.HandlerMethods.Where(h => h.HttpMethod == "Post")
                    .Select(h => "POST " + route + (string.IsNullOrEmpty(h.Name) ? "" : "?handler=" + h.Name)));
            }
            else
            {
                found.AddRange((endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(v => v + " " + route));
            }
        }
        return found.Distinct().ToList();
    }

    [Fact]
    public async Task Every_endpoint_and_handler_is_in_the_matrix()
    {
        var discovered = await DiscoverAsync();
        Assert.Contains("POST deliberations/point/{id:int}?handler=Signer", discovered);
        var missing = discovered.Where(p => !Expected.ContainsKey(p)).Order().ToList();
        Assert.True(missing.Count == 0, "Absents de la matrice d'autorisation : " + string.Join(", ", missing));
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
        // Signing out comes last: it ends the session the other calls use.
        foreach (var entry in (await DiscoverAsync()).OrderBy(e => e.Contains("deconnexion", StringComparison.Ordinal)))
        {
            var url = "/" + RouteValues.Aggregate(entry[(entry.IndexOf(' ') + 1)..], (p, v) => p.Replace(v.Key, v.Value, StringComparison.Ordinal));
            foreach (var (who, client) in clients)
            {
                if (Expected[entry] is ["jeton"])
                {
                    var reponse = await client.GetAsync(url);
                    if (reponse.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{who} GET {url} → {(int)reponse.StatusCode} (attendu : 404 sans le jeton)");
                    }
                    continue;
                }
                var allowed = Expected[entry] switch
                {
                    ["*"] => true,
                    ["connecté"] => who != "anonyme",
                    var roles => roles.Contains(who),
                };
                await CheckAsync(client, entry, url, who, allowed, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The record checks: on an assembly of the Pays d'Aix (CT2), its session and its act, every page handler lets the
    /// plan's team and the Pays d'Aix referent in, and refuses a referent of another territory.
    /// </summary>
    [Fact]
    public async Task A_territory_referent_runs_the_assemblies_of_their_territory_and_no_other()
    {
        int assemblee, seance, point;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            assemblee = await db.Set<Assemblee>().Where(a => a.Code == "CT2").Select(a => a.Id).SingleAsync();
            seance = await db.Set<Seance>().Where(s => s.AssembleeId == assemblee).Select(s => s.Id).FirstAsync();
            point = await db.Set<PointOrdreDuJour>().Where(p => p.SeanceId == seance).Select(p => p.Id).FirstAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            if (await users.FindByEmailAsync("referent.istres-ct@egalis.local") is null)
            {
                var autre = new Utilisateur { UserName = "referent.istres-ct@egalis.local", Email = "referent.istres-ct@egalis.local", EmailConfirmed = true, NomComplet = "Olivier Ouest", ConseilTerritoireCode = "CT6" };
                Assert.True((await users.CreateAsync(autre, Egalis.Web.Features.Compte.ComptesDemo.DemoPassword)).Succeeded);
                await users.AddToRoleAsync(autre, Roles.ReferentTerritoire);
            }
        }
        var clients = new Dictionary<string, HttpClient>
        {
            ["référent du Pays d'Aix"] = await factory.SignedInAsAsync(Roles.ReferentTerritoire),
            ["référent d'un autre territoire"] = await factory.SignedInAsync("referent.istres-ct@egalis.local"),
            [Roles.Assistant] = await factory.SignedInAsAsync(Roles.Assistant),
            [Roles.ReferentCommune] = await factory.SignedInAsAsync(Roles.ReferentCommune),
        };
        var cibles = new (string Route, int Id, string[] Handlers)[] { ("deliberations/assemblee", assemblee, AssembleeHandlers), ("deliberations/seance", seance, SeanceHandlers), ("deliberations/point", point, PointHandlers) };
        var failures = new List<string>();
        foreach (var (route, id, handlers) in cibles)
        {
            var entries = new[] { $"GET /{route}/{id}" }.Concat(handlers.Select(h => $"POST /{route}/{id}" + (h == "" ? "" : "?handler=" + h)));
            foreach (var entry in entries)
            {
                foreach (var (who, client) in clients)
                {
                    var allowed = who is "référent du Pays d'Aix" or Roles.Assistant;
                    await CheckAsync(client, entry, entry[(entry.IndexOf(' ') + 1)..], who, allowed, failures);
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckAsync(HttpClient client, string entry, string url, string who, bool allowed, List<string> failures)
    {
        HttpResponseMessage response;
        if (entry.StartsWith("GET ", StringComparison.Ordinal))
        {
            response = await client.GetAsync(url);
        }
        else
        {
            // A POST carries the client's own anti-forgery token, as a browser would: what is left is authorization.
            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client) };
            response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        }
        var denied = IsDenied(response);
        if (allowed == denied)
        {
            failures.Add($"{who} {entry.Split(' ')[0]} {url} → {(int)response.StatusCode} {response.Headers.Location} (attendu : {(allowed ? "autorisé" : "refusé")})");
        }
        if (!denied && response.StatusCode == HttpStatusCode.BadRequest && entry.StartsWith("POST ", StringComparison.Ordinal))
        {
            failures.Add($"{who} {entry.Split(' ')[0]} {url} → 400 (jeton anti-falsification refusé ?)");
        }
    }

    private static readonly Dictionary<HttpClient, string> Tokens = [];

    /// <summary>The token a page of the site gives this client (the header's sign-out form, or the login form).</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        if (Tokens.TryGetValue(client, out var token))
        {
            return token;
        }
        var match = TokenField().Match(await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        if (!match.Success)
        {
            match = TokenField().Match(await (await client.GetAsync("/compte/connexion")).Content.ReadAsStringAsync());
        }
        Assert.True(match.Success, "Aucun jeton anti-falsification sur la page.");
        return Tokens[client] = match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

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
