using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>The deliberation or arrêté that grants a committee's subsidies: linked from the act, and named in the open data.</summary>
public sealed class ComiteLinkTarget : ILinkTarget
{
    public const string TypeLien = "fonds-comite";
    public string Type => TypeLien;
    public string Group => "Fonds d'initiative";
    public string Label(string reference) => $"Comité de sélection n° {reference} du fonds d'initiative";
    public string? Url(string reference) => $"/fonds/gestion/comite/{reference}";

    public async Task<IReadOnlyList<(string Reference, string Libelle)>> ChoicesAsync(EgalisDbContext db, CancellationToken ct) =>
        (await (from c in db.Set<Comite>().AsNoTracking()
                join a in db.Set<AppelAProjets>() on c.AppelId equals a.Id
                where c.Statut == StatutComite.Tenu
                orderby c.Date descending
                select new { c.Id, c.Date, a.Titre }).ToListAsync(ct))
        .Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), $"Comité du {c.Date:dd/MM/yyyy} – {c.Titre}")).ToList();

    public async Task<bool> ExistsAsync(EgalisDbContext db, string reference, CancellationToken ct) =>
        int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await db.Set<Comite>().AnyAsync(c => c.Id == id && c.Statut == StatutComite.Tenu, ct);
}
