using Microsoft.AspNetCore.Diagnostics;

namespace Egalis.Web.Platform.Security;

/// <summary>
/// A NUL character (U+0000) has no place in a query string or a form field, and PostgreSQL refuses it in
/// text: such a request is answered 400 — a French page, or problem+json under /api — before any handler runs.
/// </summary>
public static class NullCharacters
{
    public static IApplicationBuilder UseNullCharacterRefusal(this IApplicationBuilder app) =>
        app.Use(async (contexte, suite) =>
        {
            var requete = contexte.Request;
            // The error page re-executed for this very request must be able to answer.
            var reexecution = contexte.Features.Get<IStatusCodeReExecuteFeature>() is not null;
            if (!reexecution && (ContientNul(requete.Query.SelectMany(q => q.Value.Append(q.Key))) || (EstUnFormulaireSimple(requete) && await FormulaireInvalideAsync(requete))))
            {
                contexte.Response.StatusCode = StatusCodes.Status400BadRequest;
                if (requete.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(title: "Demande invalide", detail: "La demande contient un caractère nul (U+0000) : retirez-le.", statusCode: StatusCodes.Status400BadRequest)
                        .ExecuteAsync(contexte);
                }
                return;
            }
            await suite();
        });

    /// <summary>
    /// Only url-encoded forms are read here: a multipart form (a file upload) is read by its page, under the page's
    /// size limit; its few text fields are bound to typed values.
    /// </summary>
    private static bool EstUnFormulaireSimple(HttpRequest requete) =>
        requete.HasFormContentType && requete.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A form with a NUL, or that the form reader itself refuses (it rejects some control characters).</summary>
    private static async Task<bool> FormulaireInvalideAsync(HttpRequest requete)
    {
        try
        {
            return ContientNul((await requete.ReadFormAsync(requete.HttpContext.RequestAborted)).SelectMany(f => f.Value.Append(f.Key)));
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private static bool ContientNul(IEnumerable<string?> valeurs) => valeurs.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal));
}
