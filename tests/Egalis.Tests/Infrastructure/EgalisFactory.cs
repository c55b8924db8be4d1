using Egalis.Web.Features.Compte;
using System.Net;
using System.Text.RegularExpressions;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Egalis.Tests.Infrastructure;

/// <summary>
/// The real application, on its own database and a real SMTP server, in the Production
/// environment (demo accounts added by the test host, two-factor optional unless a test says otherwise).
/// </summary>
/// <summary>The demo accounts of the README, for the tests' sign-ins.</summary>
public sealed class ComptesDemoDeTest : ISeeder
{
    public Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct) => ComptesDemo.CreerComptesDemoAsync(db, services, ct);
}

public class EgalisFactory : WebApplicationFactory<Program>
{
    private readonly bool _baseAElle;

    public TestDatabase Database { get; }

    public EgalisFactory()
    {
        Database = new TestDatabase();
        _baseAElle = true;
    }

    /// <summary>Another node of the same platform: the database of another host, which this one leaves in place.</summary>
    protected EgalisFactory(TestDatabase partagee) => Database = partagee;
    public TestSmtpServer Smtp { get; } = new();
    protected virtual bool DoubleAuthentificationFacultative => true;
    /// <summary>The application never creates demo accounts outside Development: the test host adds them itself.</summary>
    protected virtual bool ComptesDemo => true;
    protected virtual Dictionary<string, string?> ExtraSettings => [];
    /// <summary>The environment the host runs in: Production, as users run it, unless a test says otherwise.</summary>
    protected virtual string Environnement => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environnement);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:Egalis"] = Database.ConnectionString,
            ["Egalis:DoubleAuthentificationFacultative"] = DoubleAuthentificationFacultative ? "true" : "false",
            ["Egalis:UrlPublique"] = "http://localhost",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:StartTls"] = "false",
            ["RateLimits:Login:PermitLimit"] = "10000",
            ["RateLimits:PublicPost:PermitLimit"] = "10000",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        // Last, so that no appsettings.{environment}.json file overrides them (the Development one names a database).
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        if (ComptesDemo)
        {
            builder.ConfigureServices(s => s.AddSingleton<ComptesDemoDeTest>()
                .AddSingleton(new SeederRegistration("comptes-demo-de-test", typeof(ComptesDemoDeTest), ["roles", "territoires"])));
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = Egalis.Web.Features.Compte.ComptesDemo.DemoPassword)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.MotDePasse"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Connexion de {email} refusée : {(int)response.StatusCode}");
        }
        return client;
    }

    public Task<HttpClient> SignedInAsAsync(string role) =>
        SignedInAsync(Egalis.Web.Features.Compte.ComptesDemo.DemoAccounts.First(a => a.Role == role).Email);

    /// <summary>
    /// Submits a form as the page renders it: loads <paramref name="formPage"/> (or the URL itself), finds the
    /// form posting to <paramref name="url"/>, and posts its fields with these ones changed. A field or an
    /// option the form does not offer fails the test.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = formPage ?? url;
        var form = await Formulaire.LireAsync(client, page, url);
        return await form.EnvoyerAsync(client, fields.ToDictionary(f => f.Key, f => (string?)f.Value));
    }

    /// <summary>A hand-made request with a valid antiforgery token: what a tampering user could post, not what a page offers.</summary>
    public static async Task<HttpResponseMessage> PostBrutAsync(HttpClient client, string url, Dictionary<string, string> fields, string formPage)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(formPage));
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("Jeton anti-falsification introuvable dans la page.");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
            if (_baseAElle)
            {
                Database.Dispose();
            }
        }
    }
}
