using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Informations.Pages;

/// <summary>« Données ouvertes »: every dataset the modules publish, with its schema, licence, size and last update.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class DonneesOuvertesModel(Platform.Caching.PublicReadModels lectures) : PageModel
{
    public sealed record Ligne(IOpenDataset Jeu, IReadOnlyList<(string Libelle, string Url)> Fichiers, int Lignes, DateTimeOffset? MisAJour);

    public List<Ligne> Jeux { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Jeux = await lectures.GetAsync("donneesouvertes", LireAsync, ct);

    private static async Task<List<Ligne>> LireAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<EgalisDbContext>();
        var tous = services.GetServices<IOpenDataset>().OrderBy(j => j.Title, StringComparer.Ordinal).ToList();
        var misAJour = await OpenDatasets.LastChangesAsync(db, tous, ct);
        var lignes = new List<Ligne>();
        foreach (var jeu in tous)
        {
            lignes.Add(new Ligne(jeu, await jeu.FilesAsync(db, ct), await jeu.RowCountAsync(db, ct), misAJour[jeu]));
        }
        return lignes;
    }
}
