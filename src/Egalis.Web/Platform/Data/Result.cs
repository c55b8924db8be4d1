using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Egalis.Web.Platform.Data;

/// <summary>
/// What a service answers, for every module: done (with the id of what it created or changed), or refused with its
/// messages keyed by the field they are about ("" for the whole form), so a page puts each next to its field.
/// </summary>
public sealed record Result(bool Ok, IReadOnlyList<(string Champ, string Message)> Errors, int? Id = null)
{
    public static Result Success(int? id = null) => new(true, [], id);

    public static Result Failure(params (string Champ, string Message)[] erreurs) => new(false, erreurs);

    /// <summary>A refusal about one field.</summary>
    public static Result Failure(string champ, string message) => new(false, [(champ, message)]);

    /// <summary>The messages as one sentence (a log line, a message at the top of a page).</summary>
    public string? Error => Errors.Count == 0 ? null : string.Join(" ", Errors.Select(e => e.Message));
}

public static class ResultModelState
{
    /// <summary>
    /// Puts each message of a refusal next to its field of the form bound as <paramref name="prefixe"/> (« Input »);
    /// a message about no field goes to <paramref name="champParDefaut"/>, or to the top of the form.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result resultat, string prefixe, string? champParDefaut = null)
    {
        foreach (var (champ, message) in resultat.Errors)
        {
            var nom = champ.Length > 0 ? champ : champParDefaut ?? "";
            modelState.AddModelError(nom.Length == 0 || prefixe.Length == 0 ? nom : $"{prefixe}.{nom}", message);
        }
    }
}
