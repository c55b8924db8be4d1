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

/// <summary>The audit log in words, filtered by person, module, record and dates.</summary>
[Authorize(Policy = AdministrationModule.Administrer)]
public class JournalModel(EgalisDbContext db, AuditDescriptions descriptions) : PageModel
{
    private const int Taille = 50;

    [BindProperty(SupportsGet = true)] public string? Qui { get; set; }
    [BindProperty(SupportsGet = true)] public string? Module { get; set; }
    [BindProperty(SupportsGet = true)] public string? Texte { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? NumeroPage { get; set; }

    public List<AuditEntry> Lignes { get; private set; } = [];
    public List<string> Modules { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }
    public string UrlPage { get; private set; } = "?p={page}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The modules are known from their declarations: no scan of the whole log on each view.
        Modules = [.. descriptions.Modules];
        if (Du is { } du && (du.Year < 2000 || du.Year > 2100))
        {
            ModelState.AddModelError(nameof(Du), "Indiquez une date entre 2000 et 2100.");
        }
        if (Au is { } au && (au.Year < 2000 || au.Year > 2100))
        {
            ModelState.AddModelError(nameof(Au), "Indiquez une date entre 2000 et 2100.");
        }
        if (Du is not null && Au is not null && Au < Du)
        {
            ModelState.AddModelError(nameof(Au), "La date de fin doit être après la date de début.");
        }
        if (!ModelState.IsValid)
        {
            return;
        }
        var query = db.AuditEntries.AsNoTracking();
        if (Texte?.Trim() is { Length: > 0 } texte)
        {
            var t = texte.ToLower();
            query = query.Where(e => e.Resume.ToLower().Contains(t) || (e.Lien != null && e.Lien.ToLower().Contains(t)));
        }
        if (Qui?.Trim() is { Length: > 0 } qui)
        {
            var q = qui.ToLower();
            query = query.Where(e => e.Qui.ToLower().Contains(q));
        }
        if (!string.IsNullOrEmpty(Module))
        {
            query = query.Where(e => e.Module == Module);
        }
        if (Du is not null)
        {
            var from = Paris.StartOfDay(Du.Value);
            query = query.Where(e => e.Quand >= from);
        }
        if (Au is not null)
        {
            var to = Paris.StartOfDay(Au.Value.AddDays(1));
            query = query.Where(e => e.Quand < to);
        }
        var pagination = Pager.Paginate(await query.CountAsync(ct), NumeroPage, Taille);
        (PageCourante, Pages, Total) = (pagination.Number, pagination.Pages, pagination.Total);
        // Id follows insertion order, and sorts the same on both databases.
        Lignes = await pagination.Apply(query.OrderByDescending(e => e.Id)).ToListAsync(ct);
        UrlPage = $"?Qui={Uri.EscapeDataString(Qui ?? "")}&Module={Uri.EscapeDataString(Module ?? "")}&Texte={Uri.EscapeDataString(Texte ?? "")}&Du={Du:yyyy-MM-dd}&Au={Au:yyyy-MM-dd}&p={{page}}";
    }
}
