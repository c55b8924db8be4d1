using Egalis.Web.Features.Compte;
using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>The site behind a TLS reverse proxy on this machine, with its public address set.</summary>
public class DerriereUnProxyFactory : EgalisFactory
{
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Egalis:UrlPublique"] = "https://egalis.exemple.fr" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The test server has no network connection: requests come from the proxy's address on this machine.
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, DepuisLeProxy>());
    }

    private sealed class DepuisLeProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((contexte, suite) =>
            {
                contexte.Connection.RemoteIpAddress = IPAddress.Loopback;
                return suite(contexte);
            });
            next(app);
        };
    }
}

public class HebergementTests(DerriereUnProxyFactory factory) : IClassFixture<DerriereUnProxyFactory>
{
    [Fact]
    public async Task Behind_tls_the_cookie_is_secure_and_hsts_is_sent()
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        // HSTS is never sent to localhost: the proxy forwards the public name.
        client.DefaultRequestHeaders.Host = "egalis.exemple.fr";
        var accueil = await client.GetAsync("/");
        Assert.True(accueil.Headers.Contains("Strict-Transport-Security"));
        var connexion = await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "agent@egalis.local", ["Input.MotDePasse"] = Egalis.Web.Features.Compte.ComptesDemo.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, connexion.StatusCode);
        var cookie = connexion.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("egalis=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reset_links_use_the_public_address_whatever_host_is_asked()
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Host = "evil.example";
        await EgalisFactory.PostFormAsync(client, "/compte/motdepasseoublie", new() { ["Email"] = "jeune@egalis.local" });
        var mail = await factory.Smtp.WaitForAsync("jeune@egalis.local");
        Assert.Matches("https://egalis\\.exemple\\.fr/compte/reinitialisermotdepasse\\?userId=", mail.TextBody ?? "");
        Assert.DoesNotContain("evil.example", mail.TextBody ?? "");
        Assert.DoesNotMatch(new Regex("evil"), mail.HtmlBody ?? "");
    }
}
