using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// How the site is reached in production: its public address (the only one e-mail links use), the
/// reverse proxies whose forwarded headers are trusted, and what follows from TLS (secure cookie, HSTS).
/// </summary>
public static class Hosting
{
    /// <summary>A setting the site cannot start without, with what to do about it.</summary>
    public sealed class InvalidConfigurationException(string message) : Exception(message);

    /// <summary>The public address, e.g. https://egalis.exemple.fr; required outside Development.</summary>
    public static Uri? PublicUrl(IConfiguration configuration, IHostEnvironment environment)
    {
        var valeur = configuration["Egalis:UrlPublique"];
        if (string.IsNullOrWhiteSpace(valeur))
        {
            return environment.IsDevelopment()
                ? null
                : throw new InvalidConfigurationException("Egalis:UrlPublique est obligatoire hors développement : indiquez l'adresse publique du site (variable Egalis__UrlPublique, par exemple https://egalis.exemple.fr). Les liens des messages l'utilisent.");
        }
        return Uri.TryCreate(valeur.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidConfigurationException($"Egalis:UrlPublique « {valeur} » n'est pas une adresse http(s) complète, par exemple https://egalis.exemple.fr.");
    }

    /// <summary>The base of the links the platform writes in e-mails and open data: the public address, never the request's Host header outside Development.</summary>
    public static string LinkBase(IConfiguration configuration, HttpRequest requete) =>
        configuration["Egalis:UrlPublique"]?.TrimEnd('/') ?? $"{requete.Scheme}://{requete.Host}";

    public static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in Egalis:ProxysConnus (or, by default, one on this machine) are believed.
            var proxys = (configuration["Egalis:ProxysConnus"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (proxys.Length > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var p in proxys)
                {
                    o.KnownProxies.Add(IPAddress.TryParse(p, out var ip)
                        ? ip
                        : throw new InvalidConfigurationException($"Egalis:ProxysConnus : « {p} » n'est pas une adresse IP."));
                }
            }
        });
    }
}
