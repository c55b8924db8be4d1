using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>The attendance of an act written as registers write it, for its page and its PDF extract.</summary>
public static class Presentation
{
    public sealed record Listes(List<string> Presents, List<string> Pouvoirs, List<string> Excuses, List<string> Absents, string? Secretaire, string? Rapporteur, string? President);

    public static async Task<Listes> ListesAsync(EgalisDbContext db, Registre.Acte acte, CancellationToken ct)
    {
        var noms = await db.Set<Mandat>().AsNoTracking().Where(m => m.AssembleeId == acte.Seance.AssembleeId)
            .Select(m => new { m.Id, m.Elu!.Nom }).ToDictionaryAsync(m => m.Id, m => m.Nom, ct);
        var presences = await db.Set<Presence>().AsNoTracking().Where(p => p.PointId == acte.Point.Id).ToListAsync(ct);
        // Registers keep the order of entry for the present (the president first), and alphabetical order for the absent.
        var francais = StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), ignoreCase: true);
        string Nom(int? id) => id is not null && noms.TryGetValue(id.Value, out var n) ? n : "?";
        var presents = presences.Where(p => p.Statut == StatutPresence.Present).OrderBy(p => p.MandatId != acte.Seance.PresidentMandatId).ThenBy(p => p.MandatId).Select(p => Nom(p.MandatId)).ToList();
        var pouvoirs = presences.Where(p => p.Statut == StatutPresence.Represente).Select(p => $"{Nom(p.MandatId)} donne pouvoir à {Nom(p.MandataireMandatId)}").Order(francais).ToList();
        var excuses = presences.Where(p => p.Statut == StatutPresence.Excuse).Select(p => Nom(p.MandatId)).Order(francais).ToList();
        var absents = presences.Where(p => p.Statut == StatutPresence.Absent).Select(p => Nom(p.MandatId)).Order(francais).ToList();
        return new Listes(presents, pouvoirs, excuses, absents,
            acte.Seance.SecretaireMandatId is null ? null : Nom(acte.Seance.SecretaireMandatId),
            acte.Point.RapporteurMandatId is null ? null : Nom(acte.Point.RapporteurMandatId),
            acte.Seance.PresidentMandatId is null ? null : Nom(acte.Seance.PresidentMandatId));
    }
}
