using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The files of an act (its signed scan, its annexes): public once the assembly has decided, like the act itself;
/// before, only its secretariat reads them.
/// </summary>
public sealed class PiecesActe(EgalisDbContext db, PorteeSecretariat portee) : IFileOwner
{
    public const string TypeProprietaire = "acte";
    public const long TailleMax = 10 * 1024 * 1024;

    public string Type => TypeProprietaire;

    public static string Cle(int pointId) => pointId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<bool> CanReadAsync(ClaimsPrincipal qui, string proprietaireId, CancellationToken ct)
    {
        if (!int.TryParse(proprietaireId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pointId))
        {
            return false;
        }
        var point = await db.Set<PointOrdreDuJour>().AsNoTracking().Include(p => p.Seance!).ThenInclude(s => s.Assemblee)
            .SingleOrDefaultAsync(p => p.Id == pointId, ct);
        return point is not null && (point.Delibere || await portee.PeutGererAsync(qui, point.Seance!.Assemblee!));
    }
}
