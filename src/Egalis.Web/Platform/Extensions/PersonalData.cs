using Egalis.Web.Platform.Data;

namespace Egalis.Web.Platform.Extensions;

/// <summary>
/// What personal data a module keeps, why, and for how long; and how it forgets it once that time has passed.
/// Registered with <c>services.AddSingleton&lt;IPersonalDataDeclaration, …&gt;()</c>: the public page « Données personnelles »
/// lists every declaration, and the retention job (every night) calls <see cref="PurgeAsync"/> on each.
/// </summary>
public interface IPersonalDataDeclaration
{
    /// <summary>The data, in words (« Nom, adresse électronique, rôle et périmètre des comptes »).</summary>
    string Donnees { get; }
    string Finalite { get; }
    /// <summary>How long, in words (« Durée d'activité du compte, puis 1 an »).</summary>
    string Conservation { get; }

    /// <summary>Deletes or anonymises what is past its period; returns a sentence of what was done (« 2 comptes anonymisés »).</summary>
    Task<string> PurgeAsync(EgalisDbContext db, DateTimeOffset maintenant, CancellationToken ct);
}
