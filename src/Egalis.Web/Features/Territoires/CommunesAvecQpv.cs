using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Territoires;

/// <summary>Indicator: communes of the Métropole that have at least one quartier prioritaire.</summary>
public sealed class CommunesAvecQpv(Platform.Collectivite.ProfilCollectivite profil) : IIndicateurCalcule
{
    public string Code => "TER-COMMUNES-QPV";
    public string Libelle => $"Communes de {profil.NomCourt} ayant au moins un quartier prioritaire";
    public string Unite => "communes";
    public SensIndicateur Sens => SensIndicateur.Hausse;
    public string? ActionCode => null;

    public async Task<IReadOnlyDictionary<int, decimal>> CalculerAsync(EgalisDbContext db, IReadOnlyCollection<int> annees, CancellationToken ct)
    {
        decimal nombre = await db.Communes.CountAsync(c => c.Qpvs.Any(), ct);
        return annees.ToDictionary(a => a, _ => nombre);
    }
}
