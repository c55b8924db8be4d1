using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

/// <summary>An act as its extract presents it: the session, the three lists of attendance, the report and the decision.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class ActeModel(Registre registre, EgalisDbContext db, MatieresActes matieres, Platform.Collectivite.ProfilCollectivite profil, Platform.Caching.PublicReadModels lectures) : PageModel
{
    public Registre.Acte Acte { get; private set; } = null!;
    public PolitiqueQuorum Politique { get; private set; } = PolitiqueQuorum.DroitCommun;
    public string? Matiere { get; private set; }
    public List<string> Presents { get; private set; } = [];
    public List<string> Pouvoirs { get; private set; } = [];
    public List<string> Excuses { get; private set; } = [];
    public List<string> Absents { get; private set; } = [];
    public string? Secretaire { get; private set; }
    public string? Rapporteur { get; private set; }
    public List<Registre.Relation> Relations { get; private set; } = [];
    public List<Rectification> Rectifications { get; private set; } = [];
    /// <summary>The act's files (signed scan, annexes), public like the decided act.</summary>
    public List<Platform.Files.StoredFile> Pieces { get; private set; } = [];

    private sealed record Vue(Registre.Acte Acte, Presentation.Listes Listes, List<Registre.Relation> Relations, List<Rectification> Rectifications, List<Platform.Files.StoredFile> Pieces);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var vue = await lectures.GetAsync($"deliberations/acte/{id}", (services, c) => LireAsync(services, id, c), ct);
        if (vue is null)
        {
            return NotFound();
        }
        Acte = vue.Acte;
        Politique = PolitiqueQuorum.Find(Acte.Seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        Matiere = matieres.Nom(Acte.Point.MatiereCode);
        var listes = vue.Listes;
        (Presents, Pouvoirs, Excuses, Absents, Secretaire, Rapporteur) = (listes.Presents, listes.Pouvoirs, listes.Excuses, listes.Absents, listes.Secretaire, listes.Rapporteur);
        (Relations, Rectifications, Pieces) = (vue.Relations, vue.Rectifications, vue.Pieces);
        return Page();
    }

    private static async Task<Vue?> LireAsync(IServiceProvider services, int id, CancellationToken ct)
    {
        var registre = services.GetRequiredService<Registre>();
        var acte = (await registre.ListeAsync(pointId: id, ct: ct)).SingleOrDefault();
        if (acte is null)
        {
            return null;
        }
        var db = services.GetRequiredService<EgalisDbContext>();
        return new Vue(acte,
            await Presentation.ListesAsync(db, acte, ct),
            await registre.RelationsAsync(id, ct),
            await db.Set<Rectification>().AsNoTracking().Where(r => r.PointId == id).OrderBy(r => r.Quand).ToListAsync(ct),
            await services.GetRequiredService<Platform.Files.FileStore>().ListAsync(PiecesActe.TypeProprietaire, PiecesActe.Cle(id), ct));
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        var acte = (await registre.ListeAsync(pointId: id, ct: ct)).SingleOrDefault();
        if (acte is null)
        {
            return NotFound();
        }
        var listes = await Presentation.ListesAsync(db, acte, ct);
        var rectifications = await db.Set<Rectification>().AsNoTracking().Where(r => r.PointId == id).OrderBy(r => r.Quand).ToListAsync(ct);
        var relations = await registre.RelationsAsync(id, ct);
        var nom = acte.Point.NumeroActe ?? $"deliberation-{acte.Point.Id}";
        return File(ExtraitPdf.Rendre(acte, listes, matieres.Nom(acte.Point.MatiereCode), rectifications, relations, profil), "application/pdf", $"extrait-{nom}.pdf");
    }
}
