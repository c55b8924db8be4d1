using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>« Mon espace » of a secretariat: the decided acts of its assemblies not yet transmitted to the prefecture.</summary>
public sealed class TransmissionsAFaire(EgalisDbContext db, PorteeSecretariat portee) : IEspaceContribution
{
    private const int Affiches = 5;

    public async Task<BlocEspace?> LoadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var assemblees = portee.Gerables(db.Set<Assemblee>(), user).Select(a => a.Id);
        if (!await assemblees.AnyAsync(ct))
        {
            return null;
        }
        var aTransmettre = db.Set<PointOrdreDuJour>().AsNoTracking()
            .Where(p => p.Delibere && p.Transmission == StatutTransmission.ATransmettre && assemblees.Contains(p.Seance!.AssembleeId));
        var total = await aTransmettre.CountAsync(ct);
        if (total == 0)
        {
            return null;
        }
        var lignes = await aTransmettre.OrderBy(p => p.Seance!.Date).ThenBy(p => p.Rang).Take(Affiches)
            .Select(p => new { p.Id, p.Objet, p.NumeroActe, p.DateSignature, p.Seance!.Date, Assemblee = p.Seance.Assemblee!.Nom })
            .ToListAsync(ct);
        return new BlocEspace("Actes à transmettre au contrôle de légalité", lignes.Select(l => new LigneEspace(
                $"{(l.NumeroActe is null ? "" : $"Acte {l.NumeroActe} : ")}{l.Objet}", $"/deliberations/point/{l.Id}",
                $"{l.Assemblee}, séance du {l.Date:dd/MM/yyyy} – {(l.DateSignature is { } signe ? $"signé le {signe:dd/MM/yyyy}, à transmettre" : "à signer puis transmettre")}")).ToList(),
            total, "/deliberations/gestion", "Voir le secrétariat");
    }
}
