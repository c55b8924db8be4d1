using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Administration.Pages;
using Egalis.Web.Features.Compte;
using Egalis.Web.Features.Compte.Pages;

namespace Egalis.Tests.Features.Compte;

/// <summary>A lost phone: ten single-use recovery codes, then an administrator's reset with a reason.</summary>
public partial class CodesSecoursTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private const string Cheffe = "cheffe.projet@egalis.local";

    [GeneratedRegex("<li><code class=\"fs-5\">([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex CodeAffiche();

    private static List<string> Codes(string html) => CodeAffiche().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private async Task<HttpResponseMessage> ConnexionAvecCodeSecoursAsync(HttpClient client, string code)
    {
        var login = await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = Cheffe, ["Input.MotDePasse"] = ComptesDemo.DemoPassword });
        Assert.StartsWith("/compte/deuxfacteurs", login.Headers.Location?.OriginalString);
        var formulaire = await Formulaire.LireAsync(client, login.Headers.Location!.OriginalString, "?handler=Secours");
        return await formulaire.EnvoyerAsync(client, new() { ["CodeSecours"] = code });
    }

    [Fact]
    [Soumet(typeof(SecuriteModel), "CodesSecours")]
    [Soumet(typeof(DeuxFacteursModel), "Secours")]
    [Soumet(typeof(UtilisateurModel), "ReinitialiserDoubleAuthentification")]
    public async Task Recovery_codes_each_open_one_session_and_an_administrator_resets_a_lost_second_factor_with_a_reason()
    {
        var cheffe = await factory.SignedInAsync(Cheffe);
        var page = await cheffe.GetHtmlAsync("/compte/securite");
        var cle = Regex.Match(page, "<code class=\"fs-5\" id=\"cle\">([a-z0-9 ]+)</code>").Groups[1].Value;
        var activation = await (await EgalisFactory.PostFormAsync(cheffe, "/compte/securite", new() { ["Code"] = CompteTests.Totp(cle, DateTimeOffset.UtcNow) })).ReadHtmlAsync();
        Assert.Contains("Notez ces codes maintenant", activation);
        var codes = Codes(activation);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.DoesNotContain("Notez ces codes maintenant", await cheffe.GetHtmlAsync("/compte/securite"));

        // A code typed in lower case and without its dash opens a session, once.
        var sansTelephone = factory.Client();
        var ouverte = await ConnexionAvecCodeSecoursAsync(sansTelephone, codes[0].Replace("-", "").ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, ouverte.StatusCode);
        Assert.Equal("/espace", ouverte.Headers.Location?.OriginalString);
        Assert.Contains("Il vous reste 9 codes de secours", await sansTelephone.GetHtmlAsync("/compte/securite"));
        var reutilise = await ConnexionAvecCodeSecoursAsync(factory.Client(), codes[0]);
        Assert.Contains("pas valable ou a déjà servi.", await reutilise.ReadHtmlAsync());

        // New codes void the old ones.
        // New codes ask for the application's current code first: an open session alone does not get them.
        var sansCode = await (await EgalisFactory.PostFormAsync(sansTelephone, "/compte/securite?handler=CodesSecours", new() { ["Code"] = "000000" }, formPage: "/compte/securite")).ReadHtmlAsync();
        Assert.Contains("Ce code n&#x27;est pas valable. Saisissez le code que votre application affiche maintenant.", sansCode.Replace("'", "&#x27;"));
        Assert.Empty(Codes(sansCode));
        var nouveaux = Codes(await (await EgalisFactory.PostFormAsync(sansTelephone, "/compte/securite?handler=CodesSecours", new() { ["Code"] = CompteTests.Totp(cle, DateTimeOffset.UtcNow) }, formPage: "/compte/securite")).ReadHtmlAsync());
        Assert.Equal(10, nouveaux.Count);
        Assert.Contains("pas valable ou a déjà servi", await (await ConnexionAvecCodeSecoursAsync(factory.Client(), codes[1])).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ConnexionAvecCodeSecoursAsync(factory.Client(), nouveaux[0])).StatusCode);

        // Phone and paper lost: an administrator resets the second factor, with a reason.
        var admin = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.Admin);
        var id = Regex.Match(await admin.GetHtmlAsync("/administration/utilisateurs?Q=cheffe"), "href=\"/administration/utilisateur\\?id=([^\"]+)\"").Groups[1].Value;
        var url = $"/administration/utilisateur?id={id}";
        async Task<HttpResponseMessage> ReinitialiserAsync(string motif) =>
            await (await Formulaire.LireAsync(admin, url, "?handler=ReinitialiserDoubleAuthentification")).EnvoyerAsync(admin, new() { ["!Motif"] = motif });
        var vide = await (await ReinitialiserAsync("  ")).ReadHtmlAsync();
        Assert.Contains("Le formulaire contient une erreur", vide);
        Assert.Contains("Indiquez le motif (par exemple : téléphone perdu, plus aucun code de secours).", vide);
        Assert.Contains("Le motif ne doit pas dépasser 500 caractères.", await (await ReinitialiserAsync(new string('x', 501))).ReadHtmlAsync());
        var fait = await ReinitialiserAsync("Téléphone volé, codes de secours perdus (ticket 4521)");
        Assert.Equal(HttpStatusCode.Redirect, fait.StatusCode);
        Assert.Contains("La double authentification de Camille Chef de projet est réinitialisée", await admin.GetHtmlAsync(url));
        Assert.DoesNotContain("Réinitialiser la double authentification</button>", await admin.GetHtmlAsync(url));

        // Her open sessions are closed; she signs in with her password and sets a new authenticator up.
        foreach (var session in new[] { cheffe, sansTelephone })
        {
            var ferme = await session.GetAsync("/plan/pilotage");
            Assert.Equal(HttpStatusCode.Redirect, ferme.StatusCode);
            Assert.StartsWith("/compte/connexion", ferme.Headers.Location?.AbsolutePath ?? ferme.Headers.Location?.OriginalString);
        }
        var retour = await factory.SignedInAsync(Cheffe);
        Assert.Contains("Activer la double authentification", await retour.GetHtmlAsync("/compte/securite"));
        Assert.Contains("Double authentification de Camille Chef de projet (cheffe.projet@egalis.local) réinitialisée par Alice Admin, motif : « Téléphone volé, codes de secours perdus (ticket 4521) ».",
            await admin.GetHtmlAsync("/administration/journal?Texte=r%C3%A9initialis%C3%A9e"));
    }
}
