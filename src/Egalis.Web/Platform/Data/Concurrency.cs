using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Data;

/// <summary>
/// Optimistic concurrency for forms that edit a record with a version: when someone else saved it since the form was
/// read, nothing is saved and the page says what is recorded now, keeping the person's input.
/// </summary>
public static class Concurrency
{
    public const string Message = "Cette fiche a été modifiée par quelqu'un d'autre pendant votre saisie : rien n'a été enregistré.";

    /// <summary>
    /// Saves. On a concurrent change: clears the tracked changes and returns what <paramref name="enregistreEntreTemps"/>
    /// reads of the record as it is now (« intitulé « … », statut « … » »); null when saved.
    /// </summary>
    public static async Task<string?> SaveAsync(this EgalisDbContext db, Func<Task<string>> enregistreEntreTemps, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await enregistreEntreTemps();
        }
    }
}
