using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

public static class NiveauLibelle
{
    public const string Metropole = "METROPOLE";

    public static string De(NiveauElement niveau) => niveau switch
    {
        NiveauElement.Axe => "Axe",
        NiveauElement.Action => "Action",
        _ => "Sous-action",
    };

    /// <summary>Names of the territories concerned (« METROPOLE », CT codes, INSEE codes), in one query each kind.</summary>
    /// <param name="toutLeTerritoire">How the whole collectivité is named (« tout le territoire de la Métropole »).</param>
    public static async Task<List<string>> NommerTerritoiresAsync(EgalisDbContext db, IReadOnlyCollection<string> codes, string toutLeTerritoire, CancellationToken ct)
    {
        var noms = new List<string>();
        if (codes.Contains(Metropole))
        {
            noms.Add(toutLeTerritoire);
        }
        noms.AddRange(await db.ConseilsTerritoire.Where(t => codes.Contains(t.Code)).OrderBy(t => t.Code).Select(t => t.Nom).ToListAsync(ct));
        noms.AddRange(await db.Communes.Where(c => codes.Contains(c.CodeInsee)).OrderBy(c => c.Nom).Select(c => c.Nom).ToListAsync(ct));
        return noms;
    }
}
