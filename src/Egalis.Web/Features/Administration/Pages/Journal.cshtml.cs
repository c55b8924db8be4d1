using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Administration.Pages;

[Authorize(Policy = Policies.Administration)]
public class JournalModel(EgalisDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Texte { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? NumeroPage { get; set; }

    public List<AuditEntry> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }
    public string UrlPage { get; private set; } = "?p={page}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Du is not null && Au is not null && Au < Du)
        {
            ModelState.AddModelError(nameof(Au), "La date de fin doit être après la date de début.");
            return;
        }
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Texte))
        {
            var t = Texte.Trim().ToLower();
            query = query.Where(e => e.Qui.ToLower().Contains(t) || e.Entite.ToLower().Contains(t) || e.EntiteId.ToLower().Contains(t) || e.Resume.ToLower().Contains(t));
        }
        if (Du is not null)
        {
            var from = Paris.DebutDuJour(Du.Value);
            query = query.Where(e => e.Quand >= from);
        }
        if (Au is not null)
        {
            var to = Paris.DebutDuJour(Au.Value.AddDays(1));
            query = query.Where(e => e.Quand < to);
        }
        Total = await query.CountAsync(ct);
        Pages = Pager.TotalPages(Total, 50);
        PageCourante = Math.Min(Pager.Clamp(NumeroPage), Pages);
        // Id follows insertion order, and sorts the same on both databases.
        Lignes = await query.OrderByDescending(e => e.Id).Skip((PageCourante - 1) * 50).Take(50).ToListAsync(ct);
        UrlPage = $"?Texte={Uri.EscapeDataString(Texte ?? "")}&Du={Du:yyyy-MM-dd}&Au={Au:yyyy-MM-dd}&p={{page}}";
    }

    public string EnHeureDeParis(DateTimeOffset when) =>
        TimeZoneInfo.ConvertTime(when, Paris.Fuseau).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
