using Egalis.Web.Features.Compte;
using Egalis.Web.Features.Compte.Pages;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Features.Compte;

public class CompteTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    [Soumet(typeof(DeconnexionModel))]
    public async Task A_demo_account_signs_in_and_out()
    {
        var client = await factory.SignedInAsync("agent@egalis.local");
        var home = await client.GetHtmlAsync("/");
        Assert.Contains("Connecté : Aya Agente", home);
        // The header's sign-out button, as rendered on any page.
        var response = await (await Formulaire.LireAsync(client, "/", "/compte/deconnexion")).EnvoyerAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Se connecter", await client.GetHtmlAsync("/"));
    }

    [Fact]
    [Soumet(typeof(ConnexionModel))]
    public async Task A_wrong_password_says_so_next_to_the_field_and_keeps_the_address()
    {
        var response = await EgalisFactory.PostFormAsync(factory.Client(), "/compte/connexion", new() { ["Input.Email"] = "expert@egalis.local", ["Input.MotDePasse"] = "pas-le-bon-mot-de-passe" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", html);
        Assert.Contains("id=\"Input_MotDePasse-erreur\"", html);
        Assert.Contains("aria-describedby=\"Input_MotDePasse-aide Input_MotDePasse-erreur\"", html);
        Assert.Contains("value=\"expert@egalis.local\"", html);
        Assert.Contains("data-resume-erreurs", html);
        Assert.Contains("<title>Erreur : Connexion", html);
    }

    [Fact]
    public async Task An_invalid_address_gets_a_french_message()
    {
        var response = await EgalisFactory.PostFormAsync(factory.Client(), "/compte/connexion", new() { ["Input.Email"] = "pas-une-adresse", ["Input.MotDePasse"] = "x" });
        var html = await response.ReadHtmlAsync();
        Assert.Contains("Indiquez une adresse électronique valide", html);
        Assert.Contains("href=\"#Input_Email\"", html);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_say_nothing_an_unknown_address_would_not()
    {
        var client = factory.Client();
        static string Message(string html) => System.Text.RegularExpressions.Regex.Match(html, "id=\"Input_MotDePasse-erreur\">(.*?)</p>").Groups[1].Value;
        for (var i = 0; i < 5; i++)
        {
            await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "jeune@egalis.local", ["Input.MotDePasse"] = $"mauvais-mot-de-passe-{i}" });
            await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "personne.inconnue@exemple.fr", ["Input.MotDePasse"] = $"mauvais-mot-de-passe-{i}" });
        }
        var verrouille = await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "jeune@egalis.local", ["Input.MotDePasse"] = ComptesDemo.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, verrouille.StatusCode);
        var inconnu = await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "personne.inconnue@exemple.fr", ["Input.MotDePasse"] = ComptesDemo.DemoPassword });
        var attendu = "<span class=\"visually-hidden\">Erreur : </span>Adresse électronique ou mot de passe incorrect. Après 5 essais manqués, un compte est bloqué 15 minutes : patientez, ou choisissez un nouveau mot de passe.";
        Assert.Equal(attendu, Message(await verrouille.ReadHtmlAsync()));
        Assert.Equal(attendu, Message(await inconnu.ReadHtmlAsync()));
    }

    [Fact]
    [Soumet(typeof(MotDePasseOublieModel))]
    [Soumet(typeof(ReinitialiserMotDePasseModel))]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var client = factory.Client();
        var response = await EgalisFactory.PostFormAsync(client, "/compte/motdepasseoublie", new() { ["Email"] = "porteur@egalis.local" });
        Assert.Contains("Si un compte existe pour cette adresse", await response.ReadHtmlAsync());

        var mail = await factory.Smtp.WaitForAsync("porteur@egalis.local");
        Assert.Equal("Choisir un nouveau mot de passe Egalis", mail.Subject);
        var link = Regex.Match(mail.TextBody ?? "", @"http://localhost(/compte/reinitialisermotdepasse\?\S+)").Groups[1].Value;
        Assert.NotEmpty(link);

        var tooShort = await EgalisFactory.PostFormAsync(client, link, Fields(link, "court", "court"));
        Assert.Contains("au moins 12 caractères", await tooShort.ReadHtmlAsync());
        var mismatch = await EgalisFactory.PostFormAsync(client, link, Fields(link, "une phrase assez longue", "une autre phrase longue"));
        Assert.Contains("ne sont pas identiques", await mismatch.ReadHtmlAsync());

        var done = await EgalisFactory.PostFormAsync(client, link, Fields(link, "une phrase assez longue", "une phrase assez longue"));
        Assert.Contains("Votre mot de passe est enregistré", await done.ReadHtmlAsync());
        await factory.SignedInAsync("porteur@egalis.local", "une phrase assez longue");
        // The link works once.
        var again = await EgalisFactory.PostFormAsync(client, link, Fields(link, "encore une autre phrase", "encore une autre phrase"));
        Assert.Contains("Ce lien n'est plus valable", await again.ReadHtmlAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var response = await EgalisFactory.PostFormAsync(factory.Client(), "/compte/motdepasseoublie", new() { ["Email"] = "inconnu@exemple.fr" });
        Assert.Contains("Si un compte existe pour cette adresse", await response.ReadHtmlAsync());
        await Task.Delay(300);
        Assert.DoesNotContain(factory.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "inconnu@exemple.fr"));
    }

    private static Dictionary<string, string> Fields(string link, string password, string confirmation)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query);
        return new()
        {
            ["UserId"] = query["userId"]!, ["Code"] = query["code"]!, ["MotDePasse"] = password, ["Confirmation"] = confirmation,
        };
    }

    /// <summary>RFC 6238 code, as an authenticator app computes it.</summary>
    internal static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32Decode(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(input.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}

public class DoubleAuthentificationFactory : EgalisFactory
{
    protected override bool DoubleAuthentificationFacultative => false;
}

public class DoubleAuthentificationTests(DoubleAuthentificationFactory factory) : IClassFixture<DoubleAuthentificationFactory>
{
    [Fact]
    [Soumet(typeof(SecuriteModel))]
    [Soumet(typeof(DeuxFacteursModel))]
    public async Task An_admin_must_turn_on_two_factor_then_signs_in_with_a_code()
    {
        var client = await factory.SignedInAsync("admin@egalis.local");
        var blocked = await client.GetAsync("/administration/utilisateurs");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/compte/securite", blocked.Headers.Location?.OriginalString);

        var page = await client.GetHtmlAsync("/compte/securite");
        Assert.Contains("Double authentification requise", page);
        var key = Regex.Match(page, "<code class=\"fs-5\" id=\"cle\">([a-z0-9 ]+)</code>").Groups[1].Value;
        // The key as a QR code to scan, an image the security policy allows (a PNG in a data address).
        Assert.Contains("<img class=\"my-2 border\" src=\"data:image/png;base64,iVBORw0KGgo", page);
        var wrong = await EgalisFactory.PostFormAsync(client, "/compte/securite", new() { ["Code"] = "000000" });
        Assert.Contains("Ce code n'est pas valable", await wrong.ReadHtmlAsync());
        var ok = await EgalisFactory.PostFormAsync(client, "/compte/securite", new() { ["Code"] = CompteTests.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Contains("La double authentification est activée", await ok.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/administration/utilisateurs")).StatusCode);

        // The next login asks for a code.
        var fresh = factory.Client();
        var login = await EgalisFactory.PostFormAsync(fresh, "/compte/connexion", new() { ["Input.Email"] = "admin@egalis.local", ["Input.MotDePasse"] = ComptesDemo.DemoPassword });
        Assert.StartsWith("/compte/deuxfacteurs", login.Headers.Location?.OriginalString);
        var faux = await EgalisFactory.PostFormAsync(fresh, "/compte/deuxfacteurs", new() { ["Code"] = "12a" }, formPage: login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, faux.StatusCode);
        Assert.Contains("id=\"Code-erreur\"", await faux.Content.ReadAsStringAsync());
        var second = await EgalisFactory.PostFormAsync(fresh, "/compte/deuxfacteurs", new() { ["Code"] = CompteTests.Totp(key, DateTimeOffset.UtcNow) }, formPage: login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/administration/utilisateurs")).StatusCode);
    }

    [Fact]
    public async Task An_agent_is_not_forced_to_use_two_factor()
    {
        var client = await factory.SignedInAsync("agent@egalis.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/territoires")).StatusCode);
    }
}
