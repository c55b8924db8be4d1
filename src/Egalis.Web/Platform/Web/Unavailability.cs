using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// When the database is out of reach (stopped, restarting, read-only, out of space), pages answer a French
/// 503 page and the API a 503 problem+json, both with Retry-After — never an error 500. The page is written
/// here, without the layout: rendering it must not need the database that is missing.
/// </summary>
public sealed class Unavailability(ILogger<Unavailability> logger) : IExceptionHandler
{
    public const int SecondesAvantNouvelEssai = 30;

    public static bool IsOutage(Exception erreur)
    {
        for (var e = erreur; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException p:
                    // Connection lost, server shutting down or starting, out of resources; not a constraint or a query error.
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || p.SqlState is "57P01" or "57P02" or "57P03" or "25006";
                case Npgsql.NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
                case SqliteException s:
                    return s.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14;
            }
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext contexte, Exception exception, CancellationToken ct)
    {
        if (!IsOutage(exception))
        {
            return false;
        }
        logger.LogError(exception, "Base de données indisponible : réponse 503 pour {Chemin}", contexte.Request.Path);
        contexte.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        contexte.Response.Headers.RetryAfter = SecondesAvantNouvelEssai.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (contexte.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "Service momentanément indisponible",
                detail: $"La base de données ne répond pas. Réessayez dans {SecondesAvantNouvelEssai} secondes.", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(contexte);
            return true;
        }
        contexte.Response.ContentType = "text/html; charset=utf-8";
        await contexte.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Service momentanément indisponible – Egalis</title>
            <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container py-4" id="contenu">
            <h1>Service momentanément indisponible</h1>
            <p>La plateforme ne peut pas joindre sa base de données. Réessayez dans une minute : ce que vous avez saisi n'a pas été enregistré, à moitié ou non, et vous pourrez le renvoyer.</p>
            <p><a href="/">Revenir à l'accueil</a></p>
            </main></body></html>
            """, ct);
        return true;
    }
}
