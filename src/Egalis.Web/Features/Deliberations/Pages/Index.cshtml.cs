using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndexModel(Registre registre, EgalisDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Assemblee { get; set; }
    [BindProperty(SupportsGet = true)] public int? Annee { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? NumeroPage { get; set; }

    public List<Assemblee> Assemblees { get; private set; } = [];
    public List<Registre.Acte> Actes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Assemblees = await db.Set<Assemblee>().AsNoTracking().OrderBy(a => a.Type).ThenBy(a => a.Code).ToListAsync(ct);
        if (Assemblee is not null && Assemblees.All(a => a.Code != Assemblee))
        {
            Assemblee = null;
        }
        if (Annee is < 1900 or > 2200)
        {
            Annee = null;
        }
        (Actes, var pagination) = await registre.PageAsync(Assemblee, Annee, NumeroPage, Pager.DefaultSize, ct);
        (PageCourante, Pages, Total) = (pagination.Number, pagination.Pages, pagination.Total);
    }
}
