using Egalis.Web.Features.Compte;
using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Egalis.Tests.Platform;

public class SecurityTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/compte/connexion")]
    [InlineData("/api/v1/communes")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await factory.Client().GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://egalis.ampmetropole.fr") });
        var response = await client.GetAsync("/");
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        foreach (var url in new[] { "/", "/compte/connexion", "/territoires", "/accessibilite" })
        {
            var html = await factory.Client().GetStringAsync(url);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotContain("style=\"", html);
            Assert.DoesNotContain("<style", html);
            Assert.Contains("<html lang=\"fr\">", html);
            Assert.Contains("href=\"#contenu\"", html);
            Assert.Contains("href=\"/accessibilite\"", html);
        }
    }

    [Fact]
    public async Task Unknown_api_route_is_a_problem_json_404()
    {
        var response = await factory.Client().GetAsync("/api/v1/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unknown_page_is_a_french_404_page()
    {
        var response = await factory.Client().GetAsync("/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page introuvable", html);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var response = await factory.Client().PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@egalis.local",
            ["Input.MotDePasse"] = Egalis.Web.Features.Compte.ComptesDemo.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("egalis=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.Contains("Demande invalide", await response.Content.ReadAsStringAsync());
    }
}

public class RateLimitFactory : EgalisFactory
{
    protected override Dictionary<string, string?> ExtraSettings => new()
    {
        ["RateLimits:Login:PermitLimit"] = "3",
        ["RateLimits:Login:WindowSeconds"] = "60",
    };
}

public class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    [Fact]
    public async Task Too_many_login_posts_get_429_with_retry_after()
    {
        var client = factory.Client();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "personne@exemple.fr", ["Input.MotDePasse"] = "mauvais-mot-de-passe" });
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // A person sees the French page, not a JSON document.
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Trop de tentatives</h1>", await last.ReadHtmlAsync());
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion")).StatusCode);
    }
}
