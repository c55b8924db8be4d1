using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Territoires.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndexModel(EgalisDbContext db) : PageModel
{
    public sealed record TerritoireLigne(string Code, string Nom, int Communes, int Qpv, int Population);
    public sealed record CommuneLigne(string CodeInsee, string Nom, string Territoire, int Population, List<string> Qpv);

    [BindProperty(SupportsGet = true)]
    public string? Territoire { get; set; }

    public List<TerritoireLigne> ConseilsTerritoire { get; private set; } = [];
    public List<CommuneLigne> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ConseilsTerritoire = await db.ConseilsTerritoire.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new TerritoireLigne(t.Code, t.Nom, t.Communes.Count,
                db.Set<QpvCommune>().Where(l => l.Commune!.ConseilTerritoireCode == t.Code).Select(l => l.QpvCode).Distinct().Count(),
                t.Communes.Sum(c => c.PopulationMunicipale)))
            .ToListAsync(ct);
        // An unknown code shows every commune rather than an empty list.
        if (Territoire is not null && ConseilsTerritoire.All(t => t.Code != Territoire))
        {
            Territoire = null;
        }
        var query = db.Communes.AsNoTracking();
        if (Territoire is not null)
        {
            query = query.Where(c => c.ConseilTerritoireCode == Territoire);
        }
        var rows = await query
            .Select(c => new { c.CodeInsee, c.Nom, Territoire = c.ConseilTerritoire!.Nom, c.PopulationMunicipale, Qpv = c.Qpvs.Select(q => q.Qpv!.Nom).ToList() })
            .ToListAsync(ct);
        // Sorted here in French order: the databases' collations differ (« Éguilles » is not after « Vitrolles »).
        var french = StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), ignoreCase: true);
        Communes = rows.OrderBy(r => r.Nom, french)
            .Select(r => new CommuneLigne(r.CodeInsee, r.Nom, r.Territoire, r.PopulationMunicipale, r.Qpv.Order(french).ToList()))
            .ToList();
    }
}
